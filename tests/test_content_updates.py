"""A new release of the initial content reaches rows staff have not touched,
and never overwrites, revives or removes what staff changed (item 10 of issue 11)."""

import pytest
from django.db import connection
from django.utils import timezone

from pages.models import Block, ListItem, Section
from shinjuku_mynumber import staff_edits
from shinjuku_mynumber.admin_views import mark_reviewed
from shinjuku_mynumber.models import SeedRecord

pytestmark = pytest.mark.django_db

OLD = """
[[sections]]
slug = "health-insurance"
title = "健康保険証として利用"
content_as_of = 2021-10-15
last_reviewed = 2021-10-15
unverified = "2021年の記述"

  [[sections.blocks]]
  key = "card"
  text = "<p>現在の健康保険証も引き続き使えます。</p>"
  unverified = "2021年の記述"

  [[sections.blocks]]
  key = "clinic"
  text = "<p>医療機関で保険証を提示してください。</p>"
  unverified = "2021年の記述"

  [[sections.blocks]]
  key = "steps"
  kind = "list"
  items = ["申し込む", "受け取る"]
  unverified = "2021年の記述"
"""
OLD_EN = """
"section.health-insurance.title" = "Use as a health insurance card"
"section.health-insurance.block.card.text" = "<p>Your current card can still be used.</p>"
"""

NEW = """
[[sections]]
slug = "health-insurance"
title = "マイナ保険証"
content_as_of = 2026-12-01
last_reviewed = 2026-12-01
sources = [
  { url = "https://www.mhlw.go.jp/stf/newpage_08277.html", title = "厚生労働省「マイナ保険証」", checked = 2026-12-01 },
]

  [[sections.blocks]]
  key = "card"
  text = "<p>令和7年12月2日以降、従来の健康保険証は使えません。</p>"
  sources = [
    { url = "https://www.mhlw.go.jp/stf/newpage_08277.html", title = "厚生労働省「マイナ保険証」", checked = 2026-12-01 },
  ]

  [[sections.blocks]]
  key = "steps"
  kind = "list"
  items = ["申し込む", "受け取る", "登録する"]
  unverified = "手順の確認"

  [[sections.blocks]]
  key = "certificate"
  text = "<p>マイナ保険証をお持ちでない方には資格確認書が交付されます。</p>"
  unverified = "区の運用を確認"
"""
NEW_EN = """
"section.health-insurance.title" = "My Number health insurance card"
"section.health-insurance.block.card.text" = "<p>The old cards are no longer valid.</p>"
"""


def record_legacy_staff_edit(obj):
    """A row in the history table release 1.0 kept (django-simple-history's)."""
    table = f"{obj._meta.app_label}_historical{obj._meta.model_name}"
    with connection.cursor() as cursor:
        history = {c.name for c in connection.introspection.get_table_description(cursor, table)}
        own = {
            c.name
            for c in connection.introspection.get_table_description(cursor, obj._meta.db_table)
        }
        shared = sorted((history & own) - {"history_id"})
        names = ", ".join(shared)
        cursor.execute(
            f"INSERT INTO {table} ({names}, history_date, history_type, history_change_reason)"
            f" SELECT {names}, %s, '~', NULL FROM {obj._meta.db_table} WHERE id = %s",
            [timezone.now(), obj.pk],
        )


def rows():
    return [list(m.objects.order_by("pk").values()) for m in (Section, Block, ListItem)]


def test_untouched_rows_follow_the_new_release(load_release):
    load_release(OLD, OLD_EN)
    report = load_release(NEW, NEW_EN)
    section = Section.objects.get(slug="health-insurance")
    assert (section.title_ja, section.title_en) == (
        "マイナ保険証",
        "My Number health insurance card",
    )
    assert section.review_reason == ""  # the new release has a source instead of a flag
    assert [s.url for s in section.sources.all()] == [
        "https://www.mhlw.go.jp/stf/newpage_08277.html"
    ]
    assert section.last_reviewed.isoformat() == "2026-12-01"
    card = section.blocks.get(key="card")
    assert "従来の健康保険証は使えません" in card.text_ja
    assert card.text_en == "<p>The old cards are no longer valid.</p>"
    # A block the new release dropped is removed; a new one is added; lists follow.
    assert list(section.blocks.values_list("key", flat=True)) == ["card", "steps", "certificate"]
    steps = section.blocks.get(key="steps")
    assert [i.text_ja for i in steps.items.all()] == ["申し込む", "受け取る", "登録する"]
    assert "section.health-insurance.block.card" in report.updated
    assert "section.health-insurance.block.clinic" in report.removed
    record = SeedRecord.objects.get(key="section.health-insurance")
    assert record.release == report.release and record.values["title_ja"] == "マイナ保険証"


def test_a_row_staff_edited_is_left_alone_and_reported(load_release):
    load_release(OLD, OLD_EN)
    card = Block.objects.get(key="card")
    card.text_en = "<p>Edited by staff.</p>"  # an edit in any language counts
    card.save()
    clinic = Block.objects.get(key="clinic")
    clinic.text_ja = "<p>職員が書き直した文。</p>"
    clinic.save()

    report = load_release(NEW, NEW_EN)

    card.refresh_from_db()
    assert card.text_ja == "<p>現在の健康保険証も引き続き使えます。</p>"
    assert card.text_en == "<p>Edited by staff.</p>"
    assert Block.objects.get(key="clinic").text_ja == "<p>職員が書き直した文。</p>"
    assert {"section.health-insurance.block.card", "section.health-insurance.block.clinic"} <= set(
        report.kept
    )
    # The rows staff did not touch still follow the release.
    assert Section.objects.get(slug="health-insurance").title_ja == "マイナ保険証"


def test_a_second_run_changes_nothing(load_release):
    load_release(OLD, OLD_EN)
    load_release(NEW, NEW_EN)
    before = rows(), SeedRecord.objects.count()
    report = load_release(NEW, NEW_EN)
    assert (rows(), SeedRecord.objects.count()) == before
    assert not (report.created or report.updated or report.removed or report.filled)


def test_a_staff_deletion_stays_deleted(load_release):
    load_release(OLD, OLD_EN)
    Block.objects.get(key="card").delete()
    ListItem.objects.filter(block__key="steps", position=20).delete()
    load_release(OLD, OLD_EN)
    load_release(NEW, NEW_EN)
    assert not Block.objects.filter(key="card").exists()
    steps = Block.objects.get(key="steps")
    assert [i.text_ja for i in steps.items.all()] == ["申し込む", "登録する"]


def test_translations_added_later_follow_the_same_rule(load_release):
    load_release(OLD)  # no translations yet
    section = Section.objects.get(slug="health-insurance")
    assert section.title_en == ""
    load_release(OLD, OLD_EN)
    section.refresh_from_db()
    assert section.title_en == "Use as a health insurance card"
    # Once staff write their own translation, a later release leaves it.
    section.title_en = "Staff's own title"
    section.save()
    load_release(NEW, NEW_EN)
    section.refresh_from_db()
    assert (section.title_ja, section.title_en) == ("健康保険証として利用", "Staff's own title")


def test_marking_a_section_reviewed_does_not_keep_its_old_text(load_release):
    load_release(OLD, OLD_EN)
    mark_reviewed(Section.objects.all())
    load_release(NEW, NEW_EN)
    assert Section.objects.get(slug="health-insurance").title_ja == "マイナ保険証"


def test_an_installation_from_before_seed_records_is_updated_by_its_history(load_release):
    load_release(OLD, OLD_EN)
    SeedRecord.objects.all().delete()  # as loaded by the loader of an earlier release
    clinic = Block.objects.get(key="clinic")
    clinic.heading_ja = "職員の見出し"
    clinic.save()
    # Release 1.0 recorded that staff edit in django-simple-history's table.
    record_legacy_staff_edit(clinic)
    assert staff_edits.edited(clinic)
    assert not staff_edits.edited(Block.objects.get(key="card"))
    load_release(NEW, NEW_EN)
    assert Section.objects.get(slug="health-insurance").title_ja == "マイナ保険証"
    assert "従来の健康保険証は使えません" in Block.objects.get(key="card").text_ja
    assert Block.objects.filter(key="clinic").exists()  # staff's edit keeps it
