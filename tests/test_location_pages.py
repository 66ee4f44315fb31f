"""The public location pages: grouped list, one page per location, embeds."""

import datetime
import json
import re

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.urls import reverse
from test_admin_editing import signed_in

from facilities.models import Location, LocationHours, YearlyClosure

pytestmark = pytest.mark.django_db

# Published: the main office's staffed desk is a draft (see test_locations_today.py).
SLUGS = [
    "honcho-terminal", "yotsuya", "tansumachi", "enoki", "wakamatsu", "okubo",
    "totsuka", "ochiai-daiichi", "ochiai-daini", "kashiwagi", "tsunohazu",
]  # fmt: skip


def h1_count(html):
    return len(re.findall(r"<h1[\s>]", html))


def test_initial_data_names_the_centres_correctly(content):
    assert list(Location.objects.published().values_list("slug", flat=True)) == SLUGS
    assert Location.objects.get(slug="tansumachi").name_ja == "牛込箪笥地域センター"
    assert not Location.objects.filter(name_ja__contains="箪笥町地域センター").exists()


def test_seeded_hours_follow_the_wards_page(content):
    desk = Location.objects.get(slug="honcho-desk")
    assert [(h.day_type, f"{h.opens:%H:%M}", f"{h.closes:%H:%M}") for h in desk.hours.all()] == [
        ("weekday", "08:30", "17:00")
    ]
    assert Location.objects.get(slug="tsunohazu").hours.count() == 4
    closure = YearlyClosure.objects.get()
    assert (closure.start_month, closure.start_day, closure.end_month, closure.end_day) == (
        12, 29, 1, 3,
    )  # fmt: skip


def test_staff_edits_to_hours_survive_reloading(content):
    rule = LocationHours.objects.filter(location__slug="yotsuya", day_type="weekday").get()
    rule.closes = datetime.time(19)
    rule.save()
    LocationHours.objects.filter(location__slug="yotsuya", day_type="sunday").delete()
    call_command("load_initial_data", verbosity=0)
    hours = Location.objects.get(slug="yotsuya").hours.all()
    assert {h.day_type: h.closes for h in hours} == {
        "weekday": datetime.time(19),
        "saturday": datetime.time(17, 30),
        "holiday": datetime.time(17, 30),
    }


def test_list_groups_locations_by_kind_with_status(client, content):
    response = client.get(reverse("facilities:list"))
    assert response.status_code == 200
    html = response.content.decode()
    assert h1_count(html) == 1
    assert 'id="group-terminal"' in html
    assert 'id="group-desk"' not in html  # its only member is a draft
    for slug in SLUGS:
        assert f'href="/ja/locations/{slug}/"' in html
    assert html.count('class="status ') == 11
    assert "<caption>" in html and '<th scope="col">' in html and '<th scope="row">' in html
    assert "max-age=60" in response["Cache-Control"]


def test_a_phone_note_shared_by_a_group_is_shown_once(client, content):
    note = "電話での問い合わせは平日のみです。"
    Location.objects.filter(slug__in=["yotsuya", "okubo"]).update(phone_note_ja=note)
    assert client.get(reverse("facilities:list")).content.decode().count(note) == 1


def test_list_query_count_does_not_grow_with_locations(
    client, content, django_assert_max_num_queries
):
    from django.core.cache import cache

    with django_assert_max_num_queries(20) as few:
        client.get(reverse("facilities:list"))
    baseline = len(few.captured_queries)
    for number in range(10):
        location = Location.objects.create(
            slug=f"extra-{number}", kind="terminal", name=f"センター{number}", address="新宿区"
        )
        location.hours.create(day_type="weekday", opens=datetime.time(9), closes=datetime.time(17))
        location.exceptions.create(date=datetime.date.today())
    cache.clear()
    with django_assert_max_num_queries(baseline):
        response = client.get(reverse("facilities:list"))
    assert response.content.decode().count('class="status ') == 21


@pytest.mark.parametrize("slug", SLUGS)
def test_every_location_page(client, content, slug):
    response = client.get(reverse("facilities:detail", kwargs={"slug": slug}))
    assert response.status_code == 200
    html = response.content.decode()
    assert h1_count(html) == 1
    assert 'class="status ' in html
    assert "<caption>" in html


def test_location_page_has_government_office_json_ld(client, content):
    html = client.get("/ja/locations/yotsuya/").content.decode()
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    data = json.loads(match.group(1))
    assert data["@type"] == "GovernmentOffice"
    specs = data["openingHoursSpecification"]
    weekday = specs[0]
    assert weekday["dayOfWeek"][0] == "https://schema.org/Monday"
    assert (weekday["opens"], weekday["closes"]) == ("09:30", "20:00")
    assert any(
        s["dayOfWeek"] == ["https://schema.org/PublicHolidays"] for s in specs if "dayOfWeek" in s
    )
    closure = next(s for s in specs if "validFrom" in s)
    assert closure["validFrom"].endswith("-12-29") and closure["validThrough"].endswith("-01-03")


def test_location_page_shows_what_to_bring_and_notes(client, content):
    html = client.get("/ja/locations/honcho-terminal/").content.decode()
    assert "4桁の暗証番号" in html
    # Unconfirmed since 2021: the page says so and where to ask.
    assert "戸籍住民課にお問い合わせください" in html


def test_location_page_lists_dated_changes(client, content):
    from django.utils import timezone

    day = timezone.localdate() + datetime.timedelta(days=3)
    Location.objects.get(slug="okubo").exceptions.create(date=day, note="地域センターまつり")
    html = client.get("/ja/locations/okubo/").content.decode()
    assert "地域センターまつり" in html


def test_unknown_or_draft_location_is_404(client, content):
    assert client.get("/ja/locations/nowhere/").status_code == 404
    assert client.get("/ja/locations/honcho-desk/").status_code == 404
    Location.objects.filter(slug="enoki").update(status="draft")
    assert client.get("/ja/locations/enoki/").status_code == 404


def test_english_page_marks_untranslated_names(client, content):
    Location.objects.filter(slug="yotsuya").update(name_en="")
    html = client.get("/en/locations/").content.decode()
    assert '<span lang="ja">四谷地域センター</span>' in html
    assert "Yotsuya" not in html


def test_a_section_embeds_the_locations(client, content):
    from pages.models import Section

    section = Section.objects.get(slug="mynaportal")
    section.embed = "locations"
    section.save()
    html = client.get(section.get_absolute_url()).content.decode()
    assert 'id="locations-embed-title"' in html
    assert html.count('class="status ') == 11


def test_home_page_links_to_help(client, content):
    html = client.get("/ja/").content.decode()
    assert 'href="/ja/locations/"' in html
    assert 'href="/ja/contact/"' in html


def test_staff_edit_refreshes_the_cached_list(client, content):
    client.get("/ja/locations/")
    location = Location.objects.get(slug="yotsuya")
    location.name_ja = "四谷地域センター(改)"
    location.save()
    assert "四谷地域センター(改)" in client.get("/ja/locations/").content.decode()


def test_admin_list_shows_open_now(client, content):
    signed_in(client, User.objects.create_superuser("chief", password=None))
    response = client.get("/admin/facilities/location/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Open · closes" in html or "Closed" in html or "開" in html
