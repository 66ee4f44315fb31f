"""What a resident reads is true today (2026-12-01), and every statement has a source.

The tables below come from the content audit of issue 11: statements of the
ward's 2021 page that are no longer true must not appear on any public page,
and the facts that replaced them must.
"""

import datetime
import re
import tomllib
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.utils import translation

from pages.models import Document, Link, Section

pytestmark = pytest.mark.django_db

DATA_FILE = Path(settings.BASE_DIR) / "pages" / "initial_data" / "content.ja.toml"
EN_FILE = Path(settings.BASE_DIR) / "locale" / "content" / "en.toml"
AUDIT_DATE = datetime.date(2026, 12, 1)

# Statements of the 2021 page that are false, or worded as future, today.
OUTDATED = {
    "ja": [
        "現在の健康保険証は従来どおり使用できます",
        "これまでと同じように保険証を提示すれば医療機関を受診することができます",
        "これまでどおり健康保険証が必要になります",
        "令和3年10月(予定)",
        "令和3年10月（予定）",
        "本格運用が開始されます",
        "導入されます",
        "内閣府ホームページ",
        "内閣府がコールセンターを開設しています",
        "直接本庁舎1階へお越しください",
        "こちらのページ",
    ],
    "en": [
        "you can keep using your current health insurance card as before",
        "you can see a doctor by showing your insurance card, as before",
        "From October 2021 (planned)",
        "Cabinet Office website",
        "The Cabinet Office has set up a call centre",
        "Please come directly to the 1st floor of the Main Office Building",
    ],
}

# Facts every reader must find, by section (Japanese and English).
PRESENT = {
    ("ja", "health-insurance"): [
        "2025年（令和7年）12月2日",
        "2024年（令和6年）12月2日",
        "2025年（令和7年）12月1日",
        "資格確認書",
        "2025年（令和7年）9月30日",
        "3か月間はマイナ保険証として使えます",
    ],
    ("en", "health-insurance"): [
        "2 December 2025",
        "2 December 2024",
        "1 December 2025",
        "Eligibility Certificate",
        "30 September 2025",
    ],
    ("ja", "mynapoint"): ["2023年（令和5年）9月30日で受付を終了しました"],
    ("en", "mynapoint"): ["closed on 30 September 2023"],
    ("ja", "lost-card"): ["0120-95-0178", "24時間365日", "受理番号"],
    ("en", "lost-card"): ["0120-95-0178", "24 hours a day, 365 days a year"],
    ("ja", "renewal"): ["有効期限通知書", "10回目の誕生日", "5回目の誕生日"],
    ("en", "renewal"): ["Expiry Notice", "10th birthday", "5th birthday"],
    ("ja", "smartphone"): ["2023年（令和5年）5月11日", "2025年（令和7年）6月24日"],
    ("en", "smartphone"): ["11 May 2023", "24 June 2025"],
    ("ja", "foreign-residents"): ["在留期間の満了日", "自動的には延びません"],
    ("en", "foreign-residents"): ["period of stay", "not extended automatically"],
    ("ja", "apply-collect"): ["交付通知書", "戸籍住民課"],
    ("ja", "pin"): ["3回", "5回", "戸籍住民課"],
    ("ja", "notification-card"): ["2020年（令和2年）5月25日", "個人番号通知書"],
}

# A link to a site's top page is honest only when its label names that site.
SITE_NAMES = {"myna.go.jp": ("マイナポータル", "Mynaportal")}
BODIES = {"digital.go.jp": ("内閣府", "Cabinet Office")}  # names that are wrong for a host


def page_html(client, language, slug=None):
    path = f"/{language}/" if slug is None else f"/{language}/sections/{slug}/"
    # The override restores the active language afterwards: a request leaves
    # its language activated, which would leak into later tests' reverse().
    with translation.override(language):
        response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode()


def visible_text(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_outdated_statements_are_absent_from_every_public_page(client, content):
    slugs = [None, *Section.objects.published().values_list("slug", flat=True)]
    for language, statements in OUTDATED.items():
        for slug in slugs:
            text = page_html(client, language, slug)
            for statement in statements:
                assert statement not in text, (language, slug, statement)


def test_current_facts_are_present(client, content):
    # One load of the initial content for the whole table (loading is the slow part).
    for (language, slug), facts in PRESENT.items():
        text = visible_text(page_html(client, language, slug))
        for fact in facts:
            assert fact in text, (language, slug, fact)


def test_mynapoint_is_shown_as_ended(client, content):
    section = Section.objects.get(slug="mynapoint")
    assert section.programme_ended_on == datetime.date(2023, 9, 30)
    html = page_html(client, "ja", "mynapoint")
    assert "callout-ended" in html
    # The 2021 sign-up instructions are kept only as dated records.
    assert not section.blocks.filter(hide_when_ended=True).exists()
    assert section.blocks.filter(kind="record").count() == 4


class AnchorCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.anchors, self._href, self._text = [], None, []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self._href, self._text = dict(attrs).get("href", ""), []

    def handle_data(self, data):
        if self._href is not None:
            self._text.append(data)

    def handle_endtag(self, tag):
        if tag == "a" and self._href is not None:
            self.anchors.append((self._href, "".join(self._text).strip()))
            self._href = None


def link_problem(url, label, site_label=None):
    """Why a link misleads, or None. ``site_label`` is the Japanese label: a
    translation of a label that names the site may spell the name its own way."""
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"}:
        return None
    host = parts.hostname or ""
    if re.fullmatch(r"\s*(こちら|ここ|here|this page)\W*", label, flags=re.IGNORECASE):
        return "link text does not say where it goes"
    for domain, wrong in BODIES.items():
        on_host = host == domain or host.endswith("." + domain)
        if on_host and any(name in label for name in wrong):
            return f"label names the wrong body for {host}"
    if parts.path in {"", "/"} and not parts.query:
        names = SITE_NAMES.get(host, ())
        if not any(name in (site_label or label) for name in names):
            return "bare site root while the label promises a specific page"
    return None


def content_links():
    """Every (url, label, Japanese label) a reader can follow, in every language."""
    links = []
    for language, _name in settings.LANGUAGES:
        suffix = language.replace("-", "_")
        for link in Link.objects.all():
            label = getattr(link, f"label_{suffix}") or link.label_ja
            links.append((link.url, label, link.label_ja))
        for document in Document.objects.all():
            title = getattr(document, f"title_{suffix}") or document.title_ja
            links.append((document.url, title, document.title_ja))
    return links


def test_link_problem_rules():
    assert link_problem("https://www.city.shinjuku.lg.jp/", "戸籍住民課のページ")
    assert link_problem("https://www.digital.go.jp/policies/x/", "内閣府ホームページ「x」")
    assert link_problem("https://example.jp/a.html", "こちら")
    assert link_problem("https://myna.go.jp/", "マイナポータル") is None
    assert link_problem("https://www.city.shinjuku.lg.jp/todokede/a.html", "新宿区「a」") is None
    assert link_problem("tel:0120950178", "0120-95-0178") is None


def test_content_links_go_to_the_page_they_name(client, content):
    problems = [
        (url, label, problem)
        for url, label, label_ja in content_links()
        if (problem := link_problem(url, label, label_ja))
    ]
    assert problems == []


def test_links_in_rendered_sections_go_to_the_page_they_name(client, content):
    for language in ("ja", "en"):
        for slug in Section.objects.published().values_list("slug", flat=True):
            html = page_html(client, language, slug)
            main = html.split("<main", 1)[1].split("</main>", 1)[0]
            collector = AnchorCollector()
            collector.feed(main)
            for url, label in collector.anchors:
                assert link_problem(url, label) is None, (language, slug, url, label)


# --- The data file itself -------------------------------------------------

# Collections of a section in the data file, and their name in translation keys.
PART_COLLECTIONS = {
    "blocks": "block", "benefits": "benefit", "key_dates": "date", "links": "link",
    "documents": "document",
}  # fmt: skip


def records():
    data = tomllib.loads(DATA_FILE.read_text(encoding="utf-8"))
    for section in data["sections"]:
        yield f"section.{section['slug']}", section
        for collection, kind in PART_COLLECTIONS.items():
            for part in section.get(collection, []):
                yield f"section.{section['slug']}.{kind}.{part['key']}", part
    for notice in data.get("notices", []):
        yield f"notice.{notice['key']}", notice


def test_every_record_has_sources_or_an_unverified_reason():
    missing = []
    for key, record in records():
        sources = record.get("sources", [])
        for source in sources:
            assert urlsplit(source["url"]).scheme in {"http", "https"}, key
            assert source["title"].strip(), key
            assert isinstance(source["checked"], datetime.date), key
            assert source["checked"] <= AUDIT_DATE, key
        if not sources and not record.get("unverified", "").strip():
            missing.append(key)
    assert missing == []


def test_sections_say_when_their_text_was_written_and_name_the_task():
    procedures = {
        "health-insurance", "renewal", "lost-card", "pin", "smartphone",
        "foreign-residents", "apply-collect",
    }  # fmt: skip
    for key, record in records():
        if not key.startswith("section.") or key.count(".") != 1:
            continue
        assert record["content_as_of"] in {datetime.date(2021, 10, 15), AUDIT_DATE}, key
        if key.removeprefix("section.") in procedures:
            assert record.get("task_label", "").strip(), key


def test_record_blocks_are_dated():
    for key, record in records():
        if record.get("kind") == "record":
            assert record["recorded_on"] == datetime.date(2021, 10, 15), key
            assert record.get("heading") and record.get("text"), key


JAPANESE = r"[\u3040-\u30ff\u3400-\u9fff々ー「」、。]"


def japanese_texts():
    fields = (
        "title", "summary", "text", "heading", "tagline", "body", "label", "task_label",
        "ended_notice",
    )  # fmt: skip
    for key, record in records():
        for name in fields:
            if isinstance(record.get(name), str):
                yield f"{key}.{name}", record[name]
        for number, item in enumerate(record.get("items", []), start=1):
            yield f"{key}.item.{number}.text", item


def test_japanese_text_uses_full_width_parentheses_and_one_date_style():
    for key, text in japanese_texts():
        plain = re.sub(r"<[^>]+>", "", text)
        assert not re.search(JAPANESE + r"\(|\)" + JAPANESE, plain), key
        # 西暦 first, 和暦 in brackets: no bare 令和/平成 dates.
        assert not re.search(r"(?<!（)(令和|平成)\d+年\d+月", plain), key
        assert "こちら" not in plain, key


def test_english_translates_every_japanese_field():
    english = tomllib.loads(EN_FILE.read_text(encoding="utf-8"))
    missing = []
    for key, _text in japanese_texts():
        if not english.get(key, "").strip():
            missing.append(key)
    assert missing == []
