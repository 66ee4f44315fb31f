"""Every content row records its sources or why staff must verify it (item 1 of
issue 11): in the data files, in the database, in the admin and the review list."""

import datetime
import tomllib
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from test_admin_editing import change_url, staff_client

from pages.models import Block, Section
from shinjuku_mynumber.models import Source, Sourced
from shinjuku_mynumber.roles import EDITORS, PUBLISHERS

pytestmark = pytest.mark.django_db

SOURCED = """
[[sections]]
slug = "renewal"
title = "カードの更新"
content_as_of = 2026-12-01
sources = [
  { url = "https://www.kojinbango-card.go.jp/kofu/", title = "J-LIS「交付申請」", checked = 2026-12-01 },
  { url = "https://www.digital.go.jp/policies/mynumber", title = "デジタル庁「マイナンバー制度」", checked = 2026-11-30 },
]

  [[sections.blocks]]
  key = "counter"
  text = "<p>区の窓口は予約制です。</p>"
  unverified = "予約方法を区に確認できていない"

  [[sections.blocks]]
  key = "ended"
  kind = "record"
  heading = "マイナポイントの申込み"
  text = "<p>マイナポイントの申込みは区役所で支援します。</p>"
  recorded_on = 2021-10-15
  sources = [{ url = "https://www.city.shinjuku.lg.jp/", title = "新宿区", checked = 2026-12-01 }]
"""
SOURCED_EN = """
"section.renewal.title" = "Renewing the card"
"section.renewal.block.ended.heading" = "Applying for Mynapoint"
"section.renewal.block.ended.text" = "<p>The ward helped with Mynapoint applications.</p>"
"""

DATA_FILES = {
    "pages/initial_data/content.ja.toml": ["sections", "notices"],
    "facilities/initial_data/locations.ja.toml": ["locations", "yearly_closures"],
    "contacts/initial_data/contacts.ja.toml": ["inquiry_desks", "call_centres"],
}
NESTED = ["blocks", "benefits", "key_dates", "links", "documents"]
# Written inside their parent's record and covered by its sources, as a block's
# list items are: a call centre's phone lines.
INHERITED = {"contacts.PhoneLine": "call_centre"}


def records(item, where):
    yield where, item
    for collection in NESTED:
        for index, part in enumerate(item.get(collection, [])):
            yield from records(part, f"{where}.{collection}[{index}]")


@pytest.mark.parametrize("path", DATA_FILES)
def test_every_record_of_the_data_files_has_a_source_or_a_review_flag(path):
    data = tomllib.loads((Path(settings.BASE_DIR) / path).read_text())
    missing = []
    for collection in DATA_FILES[path]:
        for index, item in enumerate(data.get(collection, [])):
            for where, record in records(item, f"{collection}[{index}]"):
                if not record.get("sources") and not record.get("unverified", "").strip():
                    missing.append(where)
    assert missing == []


def has_provenance(obj):
    parent = INHERITED.get(obj._meta.label)
    if parent:
        return has_provenance(getattr(obj, parent))
    return bool(obj.review_reason or obj.sources.all())


def test_every_loaded_row_has_a_source_or_a_review_flag(content):
    missing = [
        f"{model._meta.label}:{obj}"
        for model in apps.get_models()
        if issubclass(model, Sourced)
        for obj in model.objects.prefetch_related("sources")
        if not has_provenance(obj)
    ]
    assert missing == []


def test_the_loader_stores_sources_and_review_flags(load_release):
    load_release(SOURCED, SOURCED_EN)
    section = Section.objects.get(slug="renewal")
    assert [(s.title, s.checked) for s in section.sources.all()] == [
        ("J-LIS「交付申請」", datetime.date(2026, 12, 1)),
        ("デジタル庁「マイナンバー制度」", datetime.date(2026, 11, 30)),
    ]
    assert section.review_reason == ""
    counter = section.blocks.get(key="counter")
    assert counter.review_reason == "予約方法を区に確認できていない"
    assert not counter.sources.exists()
    # Deleting a row deletes its sources.
    source_ids = [s.pk for s in section.sources.all()]
    section.delete()
    assert not Source.objects.filter(pk__in=source_ids).exists()


def test_a_source_without_a_title_is_refused(load_release):
    with pytest.raises(ValueError, match="every source needs a url and a title"):
        load_release(SOURCED.replace('title = "新宿区"', 'title = ""'))


def test_a_record_block_is_a_collapsed_dated_record_marked_as_ended(client, load_release):
    load_release(SOURCED, SOURCED_EN)
    block = Block.objects.get(key="ended")
    assert (block.kind, block.recorded_on) == ("record", datetime.date(2021, 10, 15))
    html = client.get("/ja/sections/renewal/").content.decode()
    start = html.index('<details class="record">')  # collapsed: no "open"
    details = html[start : html.index("</details>", start)]
    assert "2021年10月15日" in details and "終了" in details
    assert "マイナポイントの申込みは区役所で支援します。" in details
    english = client.get("/en/sections/renewal/").content.decode()
    start = english.index('<details class="record">')
    summary = english[start : english.index("</summary>", start)]
    assert "15 Oct 2021" in summary and "has ended" in summary  # the English date style


def test_staff_see_sources_next_to_the_text_and_flags_in_the_review_list(load_release):
    load_release(SOURCED, SOURCED_EN)
    editor = staff_client("editor", EDITORS)
    section = Section.objects.get(slug="renewal")
    html = editor.get(change_url(section)).content.decode()
    # The section's own sources: editable, with the address as a link.
    assert 'href="https://www.kojinbango-card.go.jp/kofu/"' in html
    assert "J-LIS「交付申請」" in html
    # Each block shows its sources or why it needs checking.
    assert "予約方法を区に確認できていない" in html
    block_page = editor.get(change_url(Block.objects.get(key="counter"))).content.decode()
    assert 'name="review_reason"' in block_page
    assert "shinjuku_mynumber-source-content_type-object_id-TOTAL_FORMS" in block_page

    review = editor.get("/admin/pages/section/review/").content.decode()
    flagged = review[review.index('id="flagged_list"') :]
    assert "予約方法を区に確認できていない" in flagged
    assert change_url(Block.objects.get(key="counter")) in flagged


def test_staff_clear_a_flag_and_record_a_source_in_the_admin(load_release):
    from test_admin_editing import save

    load_release(SOURCED, SOURCED_EN)
    editor = staff_client("publisher", PUBLISHERS)
    counter = Block.objects.get(key="counter")
    prefix = "shinjuku_mynumber-source-content_type-object_id"
    save(
        editor,
        counter,
        review_reason="",
        **{
            f"{prefix}-TOTAL_FORMS": "1",
            f"{prefix}-0-title": "新宿区「マイナンバーカードの交付」",
            f"{prefix}-0-url": "https://www.city.shinjuku.lg.jp/kusei/koseki01_001.html",
            f"{prefix}-0-checked": "2026-12-01",
            f"{prefix}-0-position": "10",
        },
    )
    counter.refresh_from_db()
    assert counter.review_reason == ""
    assert counter.sources.get().checked == datetime.date(2026, 12, 1)
    review = editor.get("/admin/pages/section/review/").content.decode()
    assert "予約方法を区に確認できていない" not in review
