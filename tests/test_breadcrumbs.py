"""Every public page with a breadcrumb trail draws it with the one component
(templates/components/breadcrumbs.html, through `{% breadcrumbs %}`)."""

from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings

from facilities.models import Location

pytestmark = pytest.mark.django_db


class Trail(HTMLParser):
    """The breadcrumb navs of a page: each a list of (text, href, aria-current)."""

    def __init__(self):
        super().__init__()
        self.navs, self.labels = [], []
        self.inside = self.crumb = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "nav" and "breadcrumbs" in (attrs.get("class") or "").split():
            self.inside = []
            self.navs.append(self.inside)
            self.labels.append(attrs.get("aria-label"))
        elif self.inside is not None and tag == "li":
            self.crumb = {"text": "", "href": None, "current": None}
            self.inside.append(self.crumb)
        elif self.crumb is not None and tag == "a":
            self.crumb["href"] = attrs.get("href")
        elif self.crumb is not None and "aria-current" in attrs:
            self.crumb["current"] = attrs["aria-current"]

    def handle_endtag(self, tag):
        if tag == "nav":
            self.inside = self.crumb = None

    def handle_data(self, data):
        if self.crumb is not None:
            self.crumb["text"] += data


def trail(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    parser = Trail()
    parser.feed(response.content.decode())
    assert len(parser.navs) == 1, f"{url}: one breadcrumb trail, not {len(parser.navs)}"
    assert parser.labels == ["Breadcrumb"]
    return [(c["text"].strip(), c["href"], c["current"]) for c in parser.navs[0]]


HOME = ("The My Number system", "/en/", None)


def test_list_pages_lead_home_and_mark_the_current_page(client, content):
    assert trail(client, "/en/contact/") == [HOME, ("Call centres", None, "page")]
    assert trail(client, "/en/locations/") == [
        HOME,
        ("Support desk and Mynaportal terminals", None, "page"),
    ]
    assert trail(client, "/en/search/?q=card") == [HOME, ("Search", None, "page")]


def test_a_section_names_itself_last(client, content):
    crumbs = trail(client, "/en/sections/health-insurance/")
    assert crumbs[0] == HOME and len(crumbs) == 2
    text, href, current = crumbs[1]
    assert href is None and current == "page" and text
    html = client.get("/en/sections/health-insurance/").content.decode()
    assert f"<h1>{text}</h1>" in html


def test_a_location_goes_through_the_list(client, content):
    location = Location.objects.published().get(slug="yotsuya")
    assert trail(client, "/en/locations/yotsuya/") == [
        HOME,
        ("Support desk and Mynaportal terminals", "/en/locations/", None),
        (location.name_en, None, "page"),
    ]


def test_the_trail_speaks_the_readers_language(client, content):
    crumbs = trail_in(client, "/ko/contact/")
    assert crumbs[0][1] == "/ko/" and crumbs[0][0] != HOME[0]
    assert crumbs[-1][2] == "page" and crumbs[-1][0] != "Call centres"


def trail_in(client, url):
    parser = Trail()
    parser.feed(client.get(url).content.decode())
    assert len(parser.navs) == 1 and parser.labels[0] and parser.labels[0] != "Breadcrumb"
    return [(c["text"].strip(), c["href"], c["current"]) for c in parser.navs[0]]


def test_an_untranslated_name_is_marked_japanese_in_the_trail(client, content):
    Location.objects.filter(slug="yotsuya").update(name_en="")
    html = client.get("/en/locations/yotsuya/").content.decode()
    nav = html[
        html.index('<nav class="breadcrumbs') : html.index("</nav>", html.index('"breadcrumbs'))
    ]
    assert '<span aria-current="page"><span lang="ja">' in nav


def test_no_template_repeats_the_breadcrumb_markup():
    templates = Path(settings.BASE_DIR, "templates")
    component = templates / "components" / "breadcrumbs.html"
    repeats = [
        str(path.relative_to(templates))
        for path in templates.rglob("*.html")
        if path != component
        and "admin" not in path.parts
        and 'class="breadcrumbs' in path.read_text(encoding="utf-8")
    ]
    assert repeats == []
