"""Every page in every language (ten, and やさしい日本語), with honest fallbacks."""

import datetime
import re
from html.parser import HTMLParser
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from pages.models import Block, Section
from shinjuku_mynumber import l10n

pytestmark = pytest.mark.django_db
LANGUAGES = [code for code, _name in settings.LANGUAGES]
# やさしい日本語 (ja-easy) is a version of Japanese: lang="ja", no hreflang of its own.
ALTERNATES = [code for code in LANGUAGES if l10n.has_hreflang(code)]
TOKYO = ZoneInfo("Asia/Tokyo")


class LinkCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.alternates, self.switcher, self.canonical = {}, {}, None
        self._in_switcher = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("rel") == "alternate":
            self.alternates[attrs["hreflang"]] = attrs["href"]
        if tag == "link" and attrs.get("rel") == "canonical":
            self.canonical = attrs["href"]
        if tag == "nav" and "language-switcher" in attrs.get("class", ""):
            self._in_switcher = True
        if tag == "a" and self._in_switcher:
            assert attrs["lang"] == attrs["hreflang"]
            self.switcher[attrs["href"].split("/")[1]] = attrs["href"]

    def handle_endtag(self, tag):
        if tag == "nav":
            self._in_switcher = False


def page_paths():
    paths = ["/"] + [
        f"/sections/{slug}/" for slug in Section.objects.values_list("slug", flat=True)
    ]
    return [*paths, "/locations/", "/contact/"]


def test_every_page_in_every_language(client, content):
    for language in LANGUAGES:
        for path in page_paths():
            url = f"/{language}{path}"
            response = client.get(url)
            assert response.status_code == 200, url
            html = response.content.decode()
            assert f'<html lang="{l10n.html_lang(language)}"' in html, url
            links = LinkCollector()
            links.feed(html)
            if language in ALTERNATES:
                assert set(links.alternates) == {*ALTERNATES, "x-default"}, url
                assert links.alternates["x-default"].endswith(f"/ja{path}")
            else:
                assert links.alternates == {}, url
            assert links.canonical == f"http://testserver{url}"
            # The switcher links to this same page in every language.
            assert links.switcher == {code: f"/{code}{path}" for code in LANGUAGES}, url


def test_every_hreflang_alternate_resolves(client, content):
    html = client.get("/en/sections/privacy/").content.decode()
    links = LinkCollector()
    links.feed(html)
    for href in links.alternates.values():
        assert client.get(urlsplit(href).path).status_code == 200, href


# ja-easy: tests/test_easy_japanese.py (its content comes from locale/content/ja-easy.toml).
@pytest.mark.parametrize("language", [code for code in ALTERNATES if code != "ja"])
def test_translated_pages_say_the_japanese_is_authoritative(client, content, language):
    html = client.get(f"/{language}/sections/privacy/").content.decode()
    assert 'class="authoritative-notice"' in html
    assert 'href="/ja/sections/privacy/" lang="ja"' in html
    # Fully translated initial content: no Japanese fallback on the page.
    assert 'lang="ja" class="untranslated"' not in html
    assert "個人情報の流出や不正使用を防止するため" not in html


def test_japanese_page_has_no_translation_notice(client, content):
    html = client.get("/ja/sections/privacy/").content.decode()
    assert 'class="authoritative-notice"' not in html


def test_untranslated_field_shows_japanese_marked_with_a_notice(client, content):
    section = Section.objects.get(slug="privacy")
    section.title_en = ""
    section.save()
    Block.objects.filter(section=section, key="intro").update(text_en="")

    html = client.get("/en/sections/privacy/").content.decode()

    assert re.search(
        r'<h1><span lang="ja">個人情報の保護</span>\s*<small class="untranslated-note">', html
    )
    assert '<div lang="ja" class="untranslated">個人情報の流出や不正使用を防止するため' in html
    assert "This part is not yet translated and is shown in Japanese." in html
    # Other parts are still in English.
    assert "Protection of personal information in the IT systems" in html


MOMENT = datetime.datetime(2027, 1, 4, 9, 30, tzinfo=TOKYO)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("ja", "1月4日(月) 9:30"),
        ("en", "Mon 4 Jan 9:30"),
        ("zh-hans", "1月4日(星期一) 9:30"),
        ("ko", "1월 4일 (월) 9:30"),
        ("vi", "Thứ 2, 4/1 9:30"),
        ("es", "lun 4 Ene 9:30"),
        ("pt-br", "Seg, 4 Jan 9:30"),
        ("my", "တနင်္လာနေ့, 4/1 9:30"),
        ("ja-easy", "1月4日（月曜日） 午前9時30分"),
    ],
)
def test_dates_and_times_are_formatted_for_the_reader(language, expected):
    with translation.override(language):
        assert l10n.format_moment(MOMENT) == expected


def test_moments_are_shown_in_tokyo_time():
    utc = datetime.datetime(2027, 1, 4, 0, 30, tzinfo=datetime.UTC)
    with translation.override("en"):
        assert l10n.format_moment(utc) == "Mon 4 Jan 9:30"


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("en-US,en;q=0.9", "/en/"),
        ("zh-TW,zh;q=0.9", "/zh-hant/"),
        ("zh-CN", "/zh-hans/"),
        ("pt-BR", "/pt-br/"),
        ("ne-NP,ne;q=0.8", "/ne/"),
        ("my", "/my/"),
        ("de-DE,fr;q=0.5", "/ja/"),
        ("", "/ja/"),
    ],
)
def test_root_chooses_the_browsers_language(client, content, accept_language, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 302
    assert response["Location"] == expected
    assert not response.cookies


def test_language_switcher_works_without_javascript(client, content):
    html = client.get(reverse("pages:home")).content.decode()
    switcher = html[
        html.index('class="language-switcher"') : html.index(
            "</nav>", html.index('class="language-switcher"')
        )
    ]
    assert "<details" in switcher and "<summary>" in switcher
    for code, name in settings.LANGUAGES:
        lang = l10n.html_lang(code)
        assert f'<a href="/{code}/" lang="{lang}" hreflang="{lang}"' in switcher
        assert f">{name}</a>" in switcher
