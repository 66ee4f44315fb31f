"""Site search: every language, both databases, the index kept true, odd input.

Runs on SQLite by default and on PostgreSQL with DATABASE_URL (CI), where the
match goes through the GIN-indexed tsvector of migration search/0002.
"""

import datetime
import re

import pytest
from django.db import connection

from contacts.models import CallCentre
from facilities.models import Location
from pages.models import Block, Section
from pages.search import text
from pages.search.index import Query, indexed_language, matching
from pages.search.views import MAX_QUERY_LENGTH
from shinjuku_mynumber.publishing import Status, local_today

pytestmark = pytest.mark.django_db

# (language, query, the page that must come first)
FIRST_RESULT = [
    ("ja", "マイナ保険証", "/ja/sections/health-insurance/"),
    ("ja", "なくした", "/ja/sections/lost-card/"),  # inside 「なくしたとき」, no spaces
    ("ja", "暗証番号", "/ja/sections/pin/"),
    ("zh-hans", "健康保险证", "/zh-hans/sections/health-insurance/"),
    ("zh-hant", "健康保險證", "/zh-hant/sections/health-insurance/"),
    ("ko", "건강보험증", "/ko/sections/health-insurance/"),
    ("ko", "건강 보험증", "/ko/sections/health-insurance/"),
    ("vi", "bao hiem y te", "/vi/sections/health-insurance/"),  # without diacritics
    ("vi", "bảo hiểm y tế", "/vi/sections/health-insurance/"),
    ("en", "certificates", "/en/sections/renewal/"),  # plural of the title's word
    ("en", "LOST CARDS", "/en/sections/lost-card/"),
    ("en", "Yotsuya", "/en/locations/yotsuya/"),
]
FIRST_LINK = re.compile(r'<ol class="search-results">\s*<li[^>]*>\s*<h2[^>]*><a href="([^"]+)"')


def results_page(client, language, query):
    response = client.get(f"/{language}/search/", {"q": query})
    assert response.status_code == 200
    return response.content.decode()


def test_each_query_finds_its_page_first(client, content):
    wrong = []
    for language, query, expected in FIRST_RESULT:
        html = results_page(client, language, query)
        first = FIRST_LINK.search(html)
        if not first or first.group(1) != expected or "<mark>" not in html:
            wrong.append((language, query, first and first.group(1)))
    assert wrong == []


def test_results_show_title_and_snippet_with_the_words_marked(client, content):
    html = results_page(client, "vi", "bao hiem y te")
    assert "<mark>bảo hiểm y tế</mark>" in html
    html = results_page(client, "en", "certificates")
    assert re.search(r"<mark>[Cc]ertificates?</mark>", html)
    assert 'class="search-snippet"' in html
    html = results_page(client, "ja", "マイナ保険証")
    assert "<mark>マイナ保険証</mark>" in html


def test_locations_and_call_centres_are_found(client, content):
    centre = CallCentre.objects.first()
    html = results_page(client, "ja", centre.name_ja)
    assert f'href="/ja/contact/#{centre.key}"' in html
    html = results_page(client, "ja", "四谷地域センター")
    assert 'href="/ja/locations/yotsuya/"' in html

    # Edits of either reach the index at once.
    location = Location.objects.get(slug="yotsuya")
    location.name_en = "Yotsuya Marmot Centre"
    location.save()
    assert first_hrefs(client, "en", "marmots") == ["/en/locations/yotsuya/"]
    centre.lines.create(label_ja="ハクビシン専用ダイヤル", phone="+81352734348")
    assert first_hrefs(client, "ja", "ハクビシン") == [f"/ja/contact/#{centre.key}"]


def test_a_variant_of_a_language_searches_that_language():
    """Page-language variants (a furigana prefix, say) search their base language."""
    assert indexed_language("ja") == "ja"
    assert indexed_language("zh-hans") == "zh-hans"
    assert indexed_language("ja-x-furigana") == "ja"
    assert indexed_language("xx") == "ja"


def test_the_database_does_the_matching(content):
    """Both databases narrow the rows before Python ranks them."""
    query = Query.parse("マイナ保険証", "ja")
    sql = str(matching(query).query)
    if connection.vendor == "postgresql":
        assert "@@" in sql and "array_to_tsvector" in sql
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT indexdef FROM pg_indexes WHERE indexname = %s", ["search_entry_terms_gin"]
            )
            assert "gin" in cursor.fetchone()[0]
    else:
        assert "LIKE" in sql
    assert 0 < matching(query).count() < Section.objects.count() * 1


@pytest.mark.parametrize(
    ("query", "shown"),
    [
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ('" onmouseover="x', "&quot; onmouseover=&quot;x"),
        ("%00%ff\\'; DROP TABLE search_entry;--", "DROP TABLE"),
        ("''''", "&#x27;&#x27;&#x27;&#x27;"),
        ("& | ! :* <-> (", "&amp; | ! :* &lt;-&gt; ("),
        ("\x00\x07\u202e\ufeff", None),
        ("   ", None),
        ("🙂🙂", "🙂🙂"),
    ],
)
def test_odd_queries_give_a_normal_page_with_the_query_escaped(client, query, shown):
    html = results_page(client, "en", query)
    assert "<script>alert" not in html and '" onmouseover' not in html
    if shown:
        assert shown in html
    assert html.count("<h1") == 1


def test_an_empty_query_shows_the_form(client):
    html = results_page(client, "ko", "")
    assert 'id="search-page-query"' in html and "search-results" not in html


def test_an_over_long_query_is_cut_and_says_so(client, content):
    html = results_page(client, "en", "card " * 200)
    assert f"first {MAX_QUERY_LENGTH} characters" in html
    assert "search-results" in html


def test_every_page_has_a_labelled_search_box_that_needs_no_script(client, content):
    for url in ["/ja/", "/en/sections/pin/", "/vi/locations/", "/ko/contact/"]:
        html = client.get(url).content.decode()
        language = url.split("/")[1]
        form = re.search(
            r'<form class="search-form" role="search" action="([^"]+)" method="get">', html
        )
        assert form and form.group(1) == f"/{language}/search/", url
        assert '<label for="site-search">' in html and 'name="q"' in html


def test_results_are_cacheable_per_query_and_carry_no_personal_data(client, content):
    response = client.get("/en/search/", {"q": "card"})
    assert "public" in response["Cache-Control"]
    assert not response.cookies
    assert '<meta name="robots" content="noindex">' in response.content.decode()


def section_titled(title, **values):
    section = Section.objects.create(slug="search-test", title_ja=title, **values)
    Block.objects.create(
        section=section, text_ja="<p>本文には<b>特別</b>な言葉ムササビがある。</p>"
    )
    return section


def first_hrefs(client, language, query):
    return re.findall(
        r'<h2 class="search-title"><a href="([^"]+)"', results_page(client, language, query)
    )


def test_the_index_follows_publish_unpublish_edit_and_delete(client):
    url = "/ja/sections/search-test/"
    section = section_titled("カモシカの案内")
    assert first_hrefs(client, "ja", "カモシカ") == [url]
    assert first_hrefs(client, "ja", "ムササビ") == [url]  # body text of a block

    section.status = Status.DRAFT
    section.save()
    assert first_hrefs(client, "ja", "カモシカ") == []

    section.status = Status.PUBLISHED
    section.title_ja = "ライチョウの案内"
    section.save()
    assert first_hrefs(client, "ja", "ライチョウ") == [url]
    assert first_hrefs(client, "ja", "カモシカ") == []

    block = section.blocks.get()
    block.text_ja = "<p>オコジョ</p>"
    block.save()
    assert first_hrefs(client, "ja", "オコジョ") == [url]
    assert first_hrefs(client, "ja", "ムササビ") == []

    section.shown_until = local_today() - datetime.timedelta(days=1)
    section.save()
    assert first_hrefs(client, "ja", "ライチョウ") == []

    section.delete()
    assert first_hrefs(client, "ja", "オコジョ") == []


def test_an_untranslated_page_is_found_in_japanese_and_says_so(client):
    section_titled("カモシカの案内", title_en="")
    html = results_page(client, "en", "カモシカ")
    assert '<li lang="ja">' in html and "shown in Japanese" in html
    # Once translated, the English title is what is found and shown.
    section = Section.objects.get(slug="search-test")
    section.title_en = "Serows explained"
    section.save()
    html = results_page(client, "en", "serow")
    assert "<mark>Serows</mark> explained" in html and '<li lang="ja">' not in html


def test_highlighting_escapes_the_content_too(client):
    section_titled("税 & <b>カモシカ</b>")
    html = results_page(client, "ja", "カモシカ")
    assert "税 &amp; &lt;b&gt;<mark>カモシカ</mark>&lt;/b&gt;" in html


@pytest.mark.parametrize(
    ("written", "language", "terms"),
    [
        ("bảo hiểm Y TẾ", "vi", ["bao", "hiem", "y", "te"]),
        ("te\u0301", "vi", ["te"]),  # a separate accent
        ("España São", "es", ["espana", "sao"]),
        (
            "Cards policies addresses boxes status",
            "en",
            ["card", "policy", "address", "box", "status"],
        ),
        ("Cards", "es", ["cards"]),  # plurals are English only
        ("ｶｰﾄﾞ \uff21\uff22\uff23", "ja", ["カー", "ード", "abc"]),  # half- and full-width
        ("保険証", "ja", ["保険", "険証"]),
        ("税", "zh-hans", ["税"]),
        ("건강 보험증", "ko", ["건강", "보험", "험증"]),
        ("मेरो नम्बर", "ne", ["मेरो", "नम्बर"]),
    ],
)
def test_normalisation(written, language, terms):
    assert text.terms(written, language) == terms
