"""Keeping content current: what is overdue for review, oldest first, and marking it
reviewed; and every row flagged as unverified, with its reason."""

import datetime
import tomllib
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils.html import escape
from test_admin_editing import save, staff_client

from pages.models import Section
from shinjuku_mynumber import versioning
from shinjuku_mynumber.publishing import local_today
from shinjuku_mynumber.roles import EDITORS, PUBLISHERS

pytestmark = pytest.mark.django_db

REVIEW_URL = "/admin/pages/section/review/"


def overdue_slugs(html):
    """The sections listed, in their order on the page (by their checkboxes)."""
    found = [
        (html.index(f'name="section" value="{s.pk}"'), s.slug)
        for s in Section.objects.all()
        if f'name="section" value="{s.pk}"' in html
    ]
    return [slug for _at, slug in sorted(found)]


@pytest.fixture
def overdue(content):
    """Two sections whose yearly review is due, as the 2021 text's were."""
    for slug in ("health-insurance", "mynapoint"):
        Section.objects.filter(slug=slug).update(
            last_reviewed=datetime.date(2021, 10, 15),
            content_as_of=datetime.date(2021, 10, 15),
            review_note=f"{slug}: 現行制度に合わせて更新が必要です。",
        )


def test_sections_due_for_review_are_listed_with_what_needs_checking(overdue):
    editor = staff_client("editor", EDITORS)
    assert reverse("admin:pages_section_review") == REVIEW_URL
    html = editor.get(REVIEW_URL).content.decode()
    assert overdue_slugs(html) == ["health-insurance", "mynapoint"]
    assert "2021-10-15" in html
    assert "health-insurance: 現行制度に合わせて更新が必要です。" in html  # the review note


def unverified_reasons(item):
    if item.get("unverified", "").strip():
        yield item["unverified"].strip()
    for collection in ("blocks", "benefits", "key_dates", "links", "documents"):
        for part in item.get(collection, []):
            yield from unverified_reasons(part)


def test_every_unverified_record_of_the_content_is_in_the_review_list(content):
    data = tomllib.loads(
        (Path(settings.BASE_DIR) / "pages/initial_data/content.ja.toml").read_text()
    )
    reasons = [r for item in data["sections"] for r in unverified_reasons(item)]
    assert reasons  # the content does flag what could not be confirmed
    html = staff_client("editor", EDITORS).get(REVIEW_URL).content.decode()
    flagged = html[html.index('id="flagged"') :]
    for reason in reasons:
        assert escape(reason.splitlines()[0]) in flagged


def test_the_list_is_oldest_first_with_the_last_editor(overdue):
    older = Section.objects.get(slug="privacy")
    editor = staff_client("tanaka", PUBLISHERS)  # publishers' edits go live at once
    save(editor, older, last_reviewed="2019-04-01", summary_en="Reworded summary")
    html = editor.get(REVIEW_URL).content.decode()
    assert overdue_slugs(html) == ["privacy", "health-insurance", "mynapoint"]
    row = html[html.index(f'name="section" value="{older.pk}"') :]
    assert "tanaka" in row[: row.index("</tr>")]


def test_a_section_is_overdue_when_its_interval_has_passed(content):
    section = Section.objects.get(slug="about")
    section.last_reviewed = local_today() - datetime.timedelta(days=40)
    section.review_interval_months = 1
    section.save()
    assert section in Section.objects.overdue_for_review()
    section.review_interval_months = 2
    section.save()
    assert section not in Section.objects.overdue_for_review()


def test_staff_mark_sections_reviewed_from_the_list(client, overdue):
    editor = staff_client("editor", EDITORS)
    flagged = Section.objects.get(slug="health-insurance")
    assert "callout-review" in client.get("/ja/sections/health-insurance/").content.decode()
    response = editor.post(REVIEW_URL, {"section": [flagged.pk]}, follow=True)
    assert response.status_code == 200
    assert overdue_slugs(response.content.decode()) == ["mynapoint"]
    flagged.refresh_from_db()
    assert flagged.last_reviewed == local_today()
    latest = versioning.live_versions(flagged).first().revision
    assert latest.user.username == "editor"
    assert latest.comment == "確認済みにしました。"
    # No longer shown as "being reviewed" to residents.
    assert "callout-review" not in client.get("/ja/sections/health-insurance/").content.decode()


def test_the_admin_action_marks_sections_reviewed(content):
    editor = staff_client("editor", EDITORS)
    mynapoint = Section.objects.get(slug="mynapoint")
    response = editor.post(
        reverse("admin:pages_section_changelist"),
        {"action": "mark_reviewed", "_selected_action": [mynapoint.pk], "index": 0},
    )
    assert response.status_code == 302
    mynapoint.refresh_from_db()
    assert mynapoint.last_reviewed == local_today()


def test_only_staff_who_may_change_sections_mark_them(content):
    viewer = staff_client("nogroup")
    assert viewer.get(REVIEW_URL).status_code == 403
    assert viewer.post(REVIEW_URL, {"section": [1]}).status_code == 403
