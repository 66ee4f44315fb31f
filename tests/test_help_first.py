"""A resident finds help first: the home page opens with help in person and by
phone (open now or not) and the tasks; every page leads to the locations and
the call centres; error pages too; location pages say how to get there."""

import datetime
import re

import pytest
from django.conf import settings
from django.test import RequestFactory
from django.utils import translation

from contacts.models import CallCentre
from facilities.models import Location
from pages.models import Section
from shinjuku_mynumber import views

pytestmark = pytest.mark.django_db
LANGUAGES = [code for code, _name in settings.LANGUAGES]


def position(html, needle):
    index = html.find(needle)
    assert index >= 0, f"{needle!r} not found"
    return index


@pytest.mark.parametrize("language", ["ja", "en", "ne"])
def test_home_opens_with_help_now_then_tasks_then_the_explanation(client, content, language):
    html = client.get(f"/{language}/").content.decode()
    main = html[position(html, '<main id="main"') :]

    help_now = position(main, 'class="get-help"')
    tasks = position(main, 'class="tasks"')
    topics = position(main, 'id="topics"')
    assert help_now < tasks < topics
    # Help in person: the main support desk with its status now, and the list.
    help_block = main[help_now:tasks]
    assert f'href="/{language}/locations/"' in help_block
    assert re.search(rf'href="/{language}/locations/[a-z0-9-]+/"', help_block)
    assert help_block.count('class="status status-') >= 3  # the desk and two call centres
    assert f'href="/{language}/contact/"' in help_block
    # Each call centre with its first line's number.
    centres = list(CallCentre.objects.all())
    assert centres
    for centre in centres:
        first = centre.lines.order_by("position", "pk").first()
        if first is not None:
            assert (
                f'<a class="phone" href="{first.phone_uri}">{first.phone_display}</a>' in help_block
            )


def test_task_list_names_what_residents_come_to_do(client, content):
    html = client.get("/en/").content.decode()
    tasks = html[position(html, 'class="tasks"') : position(html, 'id="topics"')]
    assert (
        '<a href="/en/sections/health-insurance/">'
        "See a doctor with your My Number health insurance card</a>" in tasks
    )
    # Only sections with a task label are tasks.
    assert "/en/sections/privacy/" not in tasks


def test_home_status_keeps_the_home_page_cacheable_for_a_minute(client, content):
    response = client.get("/en/")
    cache_control = response["Cache-Control"]
    assert "public" in cache_control
    assert "s-maxage=60" in cache_control and "max-age=60" in cache_control


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_section_page_leads_to_locations_and_call_centres(client, content, language):
    slugs = list(Section.objects.published().values_list("slug", flat=True))
    assert len(slugs) >= 11
    for slug in slugs:
        html = client.get(f"/{language}/sections/{slug}/").content.decode()
        header = html[position(html, "<header") : position(html, "</header>")]
        footer = html[position(html, "<footer") :]
        for part in (header, footer):
            assert f'href="/{language}/locations/"' in part, slug
            assert f'href="/{language}/contact/"' in part, slug
        assert '<nav class="breadcrumbs' in html, slug


def test_sections_about_a_procedure_end_with_where_to_get_help(client, content):
    html = client.get("/en/sections/health-insurance/").content.decode()
    # The last part of the page's own text (the inquiry desk and survey follow on every page).
    end = html[position(html, 'class="get-help-links"') : position(html, 'class="last-updated"')]
    assert 'href="/en/locations/"' in end and 'href="/en/contact/"' in end
    assert "<h2" not in end[end.index("</h2>") :], "nothing after 'where to get help'"
    # A section that explains the system has no such ending.
    assert 'class="get-help-links"' not in client.get("/en/sections/about/").content.decode()


@pytest.mark.parametrize("path", ["/en/locations/", "/en/contact/", "/en/locations/yotsuya/"])
def test_list_and_location_pages_have_breadcrumbs_and_the_menu(client, content, path):
    html = client.get(path).content.decode()
    assert '<nav class="breadcrumbs' in html
    assert '<nav class="site-nav' in html


def test_menu_marks_the_current_page(client, content):
    html = client.get("/en/locations/").content.decode()
    assert '<a href="/en/locations/" aria-current="page">' in html


@pytest.mark.parametrize("status", [404, 429, 500, 503])
@pytest.mark.parametrize("language", ["ja", "en", "my"])
def test_error_pages_lead_to_help(language, status):
    request = RequestFactory().get(f"/{language}/")
    with translation.override(language):
        response = views.error_for(request, status)
    html = response.content.decode()
    content = html[position(html, "<h1>") : position(html, "</main>")]
    for path in (f"/{language}/locations/", f"/{language}/contact/", f"/{language}/"):
        assert f'href="{path}"' in content


def test_survey_rate_limit_page_leads_to_help(client, content, settings):
    settings.SURVEY_RATE_LIMIT = "1/10m"
    data = {"page": "/", "useful": "yes"}
    client.post("/en/survey/", data, HTTP_ORIGIN="http://testserver")
    response = client.post("/en/survey/", data, HTTP_ORIGIN="http://testserver")
    assert response.status_code == 429
    html = response.content.decode()
    assert 'href="/en/locations/"' in html and 'href="/en/contact/"' in html


def test_location_page_can_be_acted_on(client, content):
    desk = Location.objects.published().first()
    Location.objects.filter(pk=desk.pk).update(
        latitude="35.693840", longitude="139.703549", phone="03-3209-1111"
    )
    html = client.get(f"/en/locations/{desk.slug}/").content.decode()
    assert (
        'href="https://www.openstreetmap.org/?mlat=35.693840&amp;mlon=139.703549'
        '#map=18/35.693840/139.703549"' in html
    )
    assert 'href="geo:35.693840,139.703549"' in html
    assert re.search(r'href="tel:\+81-?3-?3209-?1111"', html)
    assert "<dt>Floor</dt>" in html
    assert "<dt>What to bring</dt>" in html
    # No map tiles, scripts, styles or fonts from other servers.
    loaded = re.findall(r'<(?:script|img|iframe)\b[^>]*\bsrc="([^"]*)"', html)
    loaded += re.findall(r'<link rel="(?:stylesheet|icon|preload)"[^>]*\bhref="([^"]*)"', html)
    assert loaded and all(url.startswith("/") and not url.startswith("//") for url in loaded)
    assert "<iframe" not in html


def test_desk_and_terminal_at_the_main_office_are_told_apart_in_the_hours(client, content):
    html = client.get("/en/locations/").content.decode()
    week = html[position(html, 'class="week-list"') :]
    captions = re.findall(r"<caption>(.*?)</caption>", week, re.S)
    # Each place's name comes with its kind (support desk or terminal), so a desk
    # and a terminal in the same building are never confused.
    assert captions and all('class="place-kind"' in caption for caption in captions)
    assert any("terminal" in caption for caption in captions)


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "1 Dec 2026"), ("ja", "2026年12月1日"), ("ko", "2026년 12월 1일"), ("my", "1/12/2026")],
)
def test_one_date_style_per_language(client, content, language, expected):
    day = datetime.datetime(2026, 12, 1, 12, tzinfo=datetime.UTC)
    Section.objects.filter(slug="privacy").update(modified=day)
    html = client.get(f"/{language}/sections/privacy/").content.decode()
    assert f'<time datetime="2026-12-01T21:00:00+09:00">{expected}</time>' in html
