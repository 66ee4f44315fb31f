"""Furigana pages: /ja/furigana/<page> is the Japanese page with readings."""

import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from test_admin_editing import staff_client

from pages.furigana import seed
from pages.furigana.analyser import ruby
from pages.furigana.models import Reading
from pages.furigana.readings import staff_readings
from pages.models import Section
from shinjuku_mynumber.roles import EDITORS
from shinjuku_mynumber.seeding import SeedReport

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded_readings(db):
    """Only the seeded readings, as load_initial_data loads them."""
    seed.load(SeedReport())


KANJI = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々]")
VOID = {"br", "img", "input", "meta", "link", "hr", "source", "wbr", "area", "base", "col"}


def plain_urls():
    urls = [reverse("pages:home"), reverse("facilities:list"), reverse("contacts:list")]
    return urls + [s.get_absolute_url() for s in Section.objects.published()]


def furigana(url):
    return url.replace("/ja/", "/ja/furigana/", 1)


class BodyText(HTMLParser):
    """Kanji of the body's text, each marked as having a reading or not;
    fails on unbalanced tags and on a ruby inside a ruby."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.in_body, self.skip = [], False, 0
        self.with_reading = self.without = 0
        self.text = []
        self.errors = []

    def handle_starttag(self, tag, attrs):
        if tag == "body":
            self.in_body = True
        if tag in VOID:
            return
        if tag == "ruby" and "ruby" in self.stack:
            self.errors.append("ruby inside ruby")
        self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:]}")
            return
        self.stack.pop()

    def handle_data(self, data):
        if not self.in_body or {"script", "style", "rt", "rp"} & set(self.stack):
            return
        self.text.append(data)
        count = len(KANJI.findall(data))
        if "ruby" in self.stack:
            self.with_reading += count
        else:
            self.without += count


def parse(html):
    parser = BodyText()
    parser.feed(html)
    parser.close()
    return parser


def test_every_japanese_page_has_a_furigana_version_with_readings(client, content):
    urls = plain_urls()
    assert len(urls) >= 20
    for url in urls:
        plain = client.get(url)
        response = client.get(furigana(url))
        assert response.status_code == 200, url
        html = response.content.decode()
        assert '<html lang="ja"' in html
        page = parse(html)
        assert not page.errors, (url, page.errors[:5])
        assert not page.stack, (url, page.stack)
        total = page.with_reading + page.without
        assert total > 0 and page.with_reading / total > 0.9, (url, page.with_reading, total)
        # The readings are all that was added: the text is the plain page's.
        plain_text = "".join(parse(plain.content.decode()).text).replace("ふりがなをつける", "")
        assert "".join(page.text).replace("ふりがなをはずす", "") == plain_text, url


def test_furigana_page_points_at_the_plain_page(client, content):
    url = reverse("pages:section", args=["about"])
    html = client.get(furigana(url)).content.decode()
    assert f'<link rel="canonical" href="http://testserver{url}">' in html
    assert f'hreflang="ja" href="http://testserver{url}"' in html
    assert "/ja/furigana/" not in "".join(re.findall(r"<link [^>]*>", html))
    # The switch back, and links to other pages keep the furigana.
    assert re.search(rf'<a href="{url}" data-furigana-toggle[^>]*>ふりがなをはずす</a>', html)
    assert 'href="/ja/furigana/sections/' in html
    plain = client.get(url).content.decode()
    assert f'<a href="{furigana(url)}" data-furigana-toggle>ふりがなをつける</a>' in plain


def test_no_readings_inside_attributes_scripts_or_head(client, content):
    html = client.get(furigana(reverse("pages:home"))).content.decode()
    head, body = html.split("<body", 1)
    assert "<ruby>" not in head
    for tag in re.findall(r"<[a-z][^>]*>", body):
        assert "<ruby" not in tag[1:]
    assert "<ruby><ruby>" not in html


@pytest.mark.parametrize(
    "text, expected",
    [
        ("角筈地域センター", "角筈（つのはず）地域（ちいき）センター"),
        ("榎町地域センター", "榎町（えのきちょう）地域（ちいき）センター"),
        ("牛込箪笥地域センター", "牛込箪笥（うしごめたんす）地域（ちいき）センター"),
        ("新宿区箪笥町15番地", "新宿区（しんじゅくく）箪笥町（たんすまち）15番地（ばんち）"),
        ("新宿区若松町", "新宿区（しんじゅくく）若松町（わかまつちょう）"),
        ("四谷", "四谷（よつや）"),
        ("高田馬場", "高田馬場（たかだのばば）"),
        ("個人番号", "個人番号（こじんばんごう）"),
        ("電子証明書の更新", "電子証明書（でんししょうめいしょ）の更新（こうしん）"),
        ("健康保険証", "健康保険証（けんこうほけんしょう）"),
        ("住民票の写し", "住民票（じゅうみんひょう）の写（うつ）し"),
        ("届け出てください", "届（とど）け出（で）てください"),
        ("12月2日", "12月（がつ）2日（ふつか）"),
        ("9月20日", "9月（がつ）20日（はつか）"),
        ("暗証番号", "暗証番号（あんしょうばんごう）"),
    ],
)
def test_readings_of_place_names_and_terms(seeded_readings, text, expected):
    html = ruby(text, staff_readings())
    # "base（reading）", rebuilt from the markup.
    shown = re.sub(r"<ruby>(.*?)<rp>（</rp><rt>(.*?)</rt><rp>）</rp></ruby>", r"\1（\2）", html)
    assert shown == expected


def test_text_that_is_not_japanese_is_left_alone():
    assert ruby("<b>&", {}) == "&lt;b&gt;&amp;"
    assert ruby("マイナンバー", {}) == "マイナンバー"


def test_a_staff_correction_shows_at_once(client, content):
    url = furigana(reverse("facilities:list"))
    assert "<rt>つのはず</rt>" in client.get(url).content.decode()
    first = client.get(url)  # now from the page cache
    assert "<rt>つのはず</rt>" in first.content.decode()
    reading = Reading.objects.get(surface="角筈")
    reading.reading = "つのはづ"
    reading.save()
    html = client.get(url).content.decode()
    assert "<rt>つのはづ</rt>" in html and "<rt>つのはず</rt>" not in html


def test_readings_are_checked_in_the_admin(content):
    admin_client = staff_client("editor", EDITORS)
    response = admin_client.post(
        reverse("admin:furigana_reading_add"),
        {"surface": "西早稲田", "reading": "ニシワセダ", "note": ""},
    )
    assert response.status_code == 200
    assert "ひらがな" in response.content.decode()
    assert not Reading.objects.filter(surface="西早稲田").exists()
    response = admin_client.post(
        reverse("admin:furigana_reading_add"),
        {"surface": "西早稲田", "reading": "にしわせだ", "note": ""},
    )
    assert response.status_code == 302
    assert Reading.objects.get(surface="西早稲田").reading == "にしわせだ"


def test_furigana_pages_are_cached_like_any_page(client, content):
    url = furigana(reverse("pages:home"))
    response = client.get(url)
    assert "public" in response["Cache-Control"]
    assert not response.cookies
    etag = response["ETag"]
    assert client.get(url, headers={"If-None-Match": etag}).status_code == 304
    assert etag != client.get(reverse("pages:home"))["ETag"]


def test_other_languages_have_no_furigana_link(client, content):
    html = client.get("/en/").content.decode()
    assert "data-furigana-toggle" not in html
    assert client.get("/en/furigana/").status_code == 404
