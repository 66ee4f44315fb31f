"""やさしい日本語 (ja-easy): its own version of the whole site, at /ja-easy/.

Written by 出入国在留管理庁・文化庁「在留支援のためのやさしい日本語ガイドライン」:
short polite sentences, no double negatives, furigana on every kanji, dates
and times written plainly. Its pages say lang="ja" and are no hreflang
alternate of the Japanese pages.
"""

import datetime
import re
from pathlib import Path
from xml.etree import ElementTree
from zoneinfo import ZoneInfo

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import translation
from test_admin_editing import publisher, save  # noqa: F401 (publisher: a fixture)
from test_furigana import VOID, BodyText

from facilities.models import Location
from pages.furigana.models import Reading
from pages.models import Section
from shinjuku_mynumber import l10n, translation_status, views

pytestmark = pytest.mark.django_db

EASY = "ja-easy"
CATALOGUE = Path(settings.BASE_DIR) / "locale" / "ja_Easy" / "LC_MESSAGES" / "django.po"
JAPANESE_CATALOGUE = Path(settings.BASE_DIR) / "locale" / "ja" / "LC_MESSAGES" / "django.po"
TOKYO = ZoneInfo("Asia/Tokyo")


def public_paths():
    paths = ["/", "/locations/", "/contact/", "/search/?q=マイナ保険証", "/search/"]
    paths += [
        f"/sections/{slug}/" for slug in Section.objects.published().values_list("slug", flat=True)
    ]
    paths += [
        f"/locations/{slug}/"
        for slug in Location.objects.published().values_list("slug", flat=True)
    ]
    return [*paths, "/survey/thanks/?page=%2Fsections%2Fabout%2F"]


class EasyBodyText(BodyText):
    """BodyText leaving out text in another language (the switcher's 简体中文),
    which gets no Japanese readings."""

    def __init__(self):
        super().__init__()
        self.foreign: list[bool] = []

    def handle_starttag(self, tag, attrs):
        super().handle_starttag(tag, attrs)
        if tag not in VOID:
            lang = dict(attrs).get("lang")
            self.foreign.append(lang is not None and lang != "ja")

    def handle_endtag(self, tag):
        depth = len(self.stack)
        super().handle_endtag(tag)
        if len(self.stack) < depth:
            self.foreign.pop()

    def handle_data(self, data):
        if not any(self.foreign):
            super().handle_data(data)


def parse(html):
    page = EasyBodyText()
    page.feed(html)
    page.close()
    return page


def assert_easy_page(html, url):
    assert '<html lang="ja" dir="ltr">' in html, url
    # No hreflang alternates on the page itself: none would be a true language tag.
    assert 'rel="alternate"' not in html, url
    page = parse(html)
    assert not page.errors, (url, page.errors[:5])
    total = page.with_reading + page.without
    assert total > 0 and page.with_reading / total > 0.9, (url, page.with_reading, total)
    # The interface is the easy catalogue's, not the ordinary Japanese one's.
    assert "<ruby>本文<rp>" not in html and "本文へ移動" not in html, url


def test_every_public_page_exists_in_easy_japanese_with_furigana(client, content):
    paths = public_paths()
    assert len(paths) >= 20
    for path in paths:
        url = f"/{EASY}{path}"
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert_easy_page(html, url)
        if "?" not in url:
            assert f'<link rel="canonical" href="http://testserver{url}">' in html, url
        assert 'class="skip-link" href="#main">ページの' in html, url

    # Not found, also in easy Japanese, with furigana.
    response = client.get(f"/{EASY}/sections/no-such-page/")
    assert response.status_code == 404
    assert_easy_page(response.content.decode(), "404")
    assert "<h1>ページが ありません</h1>" in re.sub(
        r"<rp>.*?</rp>|<rt>.*?</rt>|</?ruby>", "", response.content.decode()
    )
    # A bad request (an unknown Host) is answered by the site's own page, annotated too.
    response = Client(HTTP_HOST="evil.example", raise_request_exception=False).get(f"/{EASY}/")
    assert response.status_code == 400
    assert '<html lang="ja"' in response.content.decode()
    assert "<ruby>" in response.content.decode()


@pytest.mark.parametrize(
    ("status", "title"),
    [
        (400, "まちがった リクエストです"),
        (403, "見る ことが できません"),
        (429, "リクエストが 多すぎます"),
        (500, "エラーが ありました"),
        (503, "いまは 使えません"),
    ],
)
def test_error_pages_are_in_easy_japanese(status, title):
    with translation.override(EASY):
        response = views.error_for(RequestFactory().get(f"/{EASY}/"), status)
    html = response.content.decode()
    assert response.status_code == status
    assert '<html lang="ja"' in html
    assert f"<h1>{title}</h1>" in html


def test_the_survey_answers_in_easy_japanese(client, content):
    answer = {"page": "/sections/privacy/", "useful": "yes", "findable": "easy", "comment": ""}
    response = client.post(f"/{EASY}/survey/", answer, HTTP_ORIGIN="http://testserver")
    assert response.status_code == 303
    assert response["Location"].startswith(f"/{EASY}/survey/thanks/")
    html = client.get(f"/{EASY}/sections/privacy/").content.decode()
    plain = re.sub(r"<rp>.*?</rp>|<rt>.*?</rt>|</?ruby>", "", html)
    assert "この ページは 役に 立ちましたか？" in plain
    # A broken answer gets a page in easy Japanese, not a 500.
    response = client.post(f"/{EASY}/survey/", {"page": "x"}, HTTP_ORIGIN="http://testserver")
    assert response.status_code == 400
    assert '<html lang="ja"' in response.content.decode()


def test_the_language_switcher_lists_easy_japanese(client, content):
    html = client.get("/en/sections/about/").content.decode()
    switcher = html[html.index('class="language-switcher"') :]
    switcher = switcher[: switcher.index("</nav>")]
    assert (
        '<a href="/ja-easy/sections/about/" lang="ja" hreflang="ja">やさしい にほんご</a>'
        in switcher
    )
    # The Japanese pages name no ja-easy alternate (it would duplicate hreflang="ja").
    alternates = re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"', html)
    assert [code for code, _href in alternates].count("ja") == 1
    assert not [href for _code, href in alternates if "/ja-easy/" in href]


def test_the_sitemap_lists_easy_japanese_pages_without_alternates(client, content):
    response = client.get("/sitemap.xml")
    root = ElementTree.fromstring(response.content)
    ns = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    easy = [u for u in root.iterfind("sm:url", ns) if "/ja-easy/" in u.find("sm:loc", ns).text]
    locs = {u.find("sm:loc", ns).text for u in easy}
    assert "http://testserver/ja-easy/" in locs and "http://testserver/ja-easy/contact/" in locs
    assert len(easy) >= 12
    assert all(u.find("x:link", ns) is None for u in easy)
    hreflangs = [link.get("href") for link in root.iterfind(".//x:link", ns)]
    assert hreflangs and not [href for href in hreflangs if "/ja-easy/" in href]


def test_furigana_are_computed_once_and_cached_with_the_page(client, content):
    url = f"/{EASY}/locations/"
    first = client.get(url)
    assert "public" in first["Cache-Control"] and not first.cookies
    assert "<rt>つのはず</rt>" in first.content.decode()
    # The first render learns the page's tags, the second is stored: then asked
    # again, the page cache answers (annotated once, not per request).
    stored = client.get(url)
    assert client.get(url, headers={"If-None-Match": stored["ETag"]}).status_code == 304
    # A staff correction of a reading shows at once, like on the furigana pages.
    reading = Reading.objects.get(surface="角筈")
    reading.reading = "つのはづ"
    reading.save()
    html = client.get(url).content.decode()
    assert "<rt>つのはづ</rt>" in html and "<rt>つのはず</rt>" not in html


def test_staff_edit_easy_japanese_like_any_language(client, publisher):  # noqa: F811
    about = Section.objects.get(slug="about")
    page = publisher.get(reverse("admin:pages_section_change", args=[about.pk]))
    assert 'name="title_ja_easy"' in page.content.decode()
    save(publisher, about, title_ja_easy="マイナンバー制度の しくみ")
    html = client.get(f"/{EASY}/sections/about/").content.decode()
    h1 = re.search(r"<h1>(.*?)</h1>", html, re.DOTALL).group(1)
    assert re.sub(r"<rp>.*?</rp>|<rt>.*?</rt>|</?ruby>", "", h1) == "マイナンバー制度の しくみ"
    assert "<rt>" in h1 and "untranslated" not in h1
    # The Japanese page keeps its own title.
    assert "マイナンバー制度の しくみ" not in client.get("/ja/sections/about/").content.decode()
    # Search in easy Japanese finds the easy title first.
    html = client.get(f"/{EASY}/search/", {"q": "しくみ"}).content.decode()
    first = re.search(r'<ol class="search-results">\s*<li[^>]*>\s*<h2[^>]*><a href="([^"]+)"', html)
    assert first and first.group(1) == f"/{EASY}/sections/about/"


def test_untranslated_easy_japanese_falls_back_to_japanese_honestly(client, content):
    Section.objects.filter(slug="privacy").update(title_ja_easy="")
    html = client.get(f"/{EASY}/sections/privacy/").content.decode()
    plain = re.sub(r"<rp>.*?</rp>|<rt>.*?</rt>|</?ruby>", "", html)
    assert '<h1><span lang="ja">個人情報の保護</span>' in plain
    assert "（やさしい 日本語は まだ ありません。ふつうの 日本語で 見せます）" in plain
    # The notice leads to the ordinary Japanese page.
    assert 'href="/ja/sections/privacy/" lang="ja"' in html
    # Search finds the page in Japanese, and says so.
    html = client.get(f"/{EASY}/search/", {"q": "マイナ保険証"}).content.decode()
    first = re.search(r'<ol class="search-results">\s*<li[^>]*>\s*<h2[^>]*><a href="([^"]+)"', html)
    assert first and first.group(1) == f"/{EASY}/sections/health-insurance/"


def test_translation_status_counts_easy_japanese(content):
    statuses, _records = translation_status.translation_status()
    easy = next(status for status in statuses if status.code == EASY)
    assert easy.name == "やさしい にほんご"
    assert easy.interface.percent == 100.0
    from io import StringIO

    out = StringIO()
    call_command("translation_status", stdout=out)
    assert f"\n{EASY} (" in out.getvalue()


# --- Dates and times, written plainly ---------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (datetime.datetime(2027, 1, 4, 9, 30, tzinfo=TOKYO), "1月4日（月曜日） 午前9時30分"),
        (datetime.datetime(2027, 1, 8, 17, 0, tzinfo=TOKYO), "1月8日（金曜日） 午後5時"),
        (datetime.datetime(2027, 1, 9, 12, 15, tzinfo=TOKYO), "1月9日（土曜日） 午後0時15分"),
    ],
)
def test_dates_and_times_are_written_plainly(value, expected):
    with translation.override(EASY):
        assert l10n.format_moment(value) == expected
        assert l10n.format_period(datetime.time(8, 30), datetime.time(17, 15)) == (
            "午前8時30分から午後5時15分まで"
        )


def test_opening_hours_read_plainly_on_the_page(client, content):
    html = client.get(f"/{EASY}/locations/").content.decode()
    plain = re.sub(r"<rp>.*?</rp>|<rt>.*?</rt>|</?ruby>", "", html)
    assert re.search(r"午前\d+時(\d+分)?から午後\d+時(\d+分)?まで", plain)
    assert not re.search(r"\d:\d\d[\u2013-]\d", plain)


# --- The interface catalogue ------------------------------------------------

PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sd]|%%")
NOT_COUNTED = re.compile(r"https?://\S+|<[^>]+>|\s")
SENTENCE = re.compile(r"[^。？！]+[。？！]?")
POLITE = re.compile(r"(です|ます|ません|ました|ください|でした|ですか|ますか|ましたか)[。？]$")
DOUBLE_NEGATIVE = re.compile(
    r"ない(わけ|こと)[でも]?は(ない|ありません)|なくは|なければ|なくもない"
)
LONGEST = 60


def entries(path):
    return [e for e in polib.pofile(str(path)) if e.msgid and not e.obsolete]


def text_of(entry):
    return entry.msgstr or entry.msgstr_plural.get(0, "")


def test_every_interface_string_is_written_in_easy_japanese():
    catalogue = entries(CATALOGUE)
    japanese = {(e.msgctxt, e.msgid): text_of(e) for e in entries(JAPANESE_CATALOGUE)}
    assert len(catalogue) == len(japanese) > 500
    problems = []
    for entry in catalogue:
        text = text_of(entry)
        if not text or "fuzzy" in entry.flags:
            problems.append(("untranslated", entry.msgid))
            continue
        if sorted(PLACEHOLDER.findall(text)) != sorted(PLACEHOLDER.findall(entry.msgid)):
            problems.append(("placeholders", text))
        ordinary = japanese[(entry.msgctxt, entry.msgid)]
        if "。" in ordinary and text == ordinary:
            problems.append(("copied from the ordinary Japanese", text))
        if DOUBLE_NEGATIVE.search(text):
            problems.append(("double negative", text))
        for sentence in SENTENCE.findall(text):
            counted = NOT_COUNTED.sub("", PLACEHOLDER.sub("X", sentence))
            if len(counted) > LONGEST:
                problems.append((f"over {LONGEST} characters", sentence))
            # A sentence ends politely (です/ます); examples (例：...) are phrases.
            ending = re.sub(r"（[^）]*）(?=[。？]$)", "", sentence.strip())
            if ending.endswith(("。", "？")) and "例：" not in ending and not POLITE.search(ending):
                problems.append(("not です/ます", sentence))
    assert problems == []


def test_the_checks_catch_what_the_guidelines_forbid():
    assert DOUBLE_NEGATIVE.search("使えないわけではありません")
    assert DOUBLE_NEGATIVE.search("書かなければなりません")
    assert not POLITE.search("受付は終了した。")
    assert POLITE.search("もう一度 ためして ください。")
    long = "マイナンバーカードの電子証明書の有効期限が切れた場合は、区役所の窓口で更新の手続きをすることができますので、本人確認書類を持って来庁してください。"
    assert len(NOT_COUNTED.sub("", long)) > LONGEST
