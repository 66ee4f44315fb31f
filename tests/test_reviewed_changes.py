"""A Content editor's change to a live page waits for a Publisher; nothing is lost."""

import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from test_admin_editing import admin_form_data, change_url, staff_client

from pages.models import Block, Section
from shinjuku_mynumber import review
from shinjuku_mynumber.models import PendingChange
from shinjuku_mynumber.roles import EDITORS, PUBLISHERS

pytestmark = pytest.mark.django_db

CHANGES_URL = "/admin/pages/section/changes/"
NEW_TITLE = "マイナンバー制度のあらまし"
NEW_TEXT = "<p>書き換えた説明です。</p>"


@pytest.fixture
def proposed(content, client):
    """The editor sato changed the title and a paragraph of the live "about" page."""
    section = Section.objects.get(slug="about")
    block = section.blocks.filter(kind=Block.Kind.PARAGRAPH).first()
    client.get("/ja/sections/about/")  # cached as it is
    editor = staff_client("sato", EDITORS)
    page = editor.get(change_url(section))
    index = next(
        i for i in range(int(page.context["inline_admin_formsets"][0].formset.total_form_count()))
        if page.context["inline_admin_formsets"][0].formset.forms[i].instance.pk == block.pk
    )  # fmt: skip
    data = admin_form_data(page, title_ja=NEW_TITLE, **{f"blocks-{index}-text_ja": NEW_TEXT})
    response = editor.post(change_url(section), data)
    assert response.status_code == 302
    return editor, section, block


def public(client, language="ja"):
    return client.get(f"/{language}/sections/about/").content.decode()


def test_an_editors_change_to_a_live_page_waits(client, proposed):
    editor, section, block = proposed
    assert Section.objects.get(pk=section.pk).title_ja == section.title_ja
    assert Block.objects.get(pk=block.pk).text_ja == block.text_ja
    html = public(client)
    assert NEW_TITLE not in html and "書き換えた説明です" not in html
    change = PendingChange.objects.get()
    assert change.state == "pending" and change.author.username == "sato"
    # Coming back, the editor sees their change and that it waits.
    page = editor.get(change_url(section)).content.decode()
    assert NEW_TITLE in page and "書き換えた説明です" in page
    assert "公開担当者の承認を待っています" in page
    # Editors cannot approve.
    assert editor.get(CHANGES_URL).status_code == 403


def test_the_publisher_compares_previews_and_approves(client, proposed):
    _editor, section, _block = proposed
    publisher = staff_client("suzuki", PUBLISHERS)
    listing = publisher.get(CHANGES_URL).content.decode()
    change = PendingChange.objects.get()
    url = reverse("admin:pages_section_pending_change", args=[change.pk])
    assert url in listing and section.title_ja in listing and "sato" in listing

    review_page = publisher.get(url).content.decode()
    assert "のタイトル（日本語）を変更しました。" in review_page
    assert NEW_TITLE in review_page and section.title_ja in review_page
    assert "書き換えた説明です。" in review_page  # whole texts, not "[18 chars]"
    for code in ("ja", "en", "zh-hans", "pt-br"):
        preview = publisher.get(
            reverse("admin:pages_section_pending_preview", args=[change.pk, code])
        )
        assert preview.status_code == 200
        html = preview.content.decode()
        assert f'<html lang="{code}"' in html
    ja_preview = publisher.get(
        reverse("admin:pages_section_pending_preview", args=[change.pk, "ja"])
    )
    assert NEW_TITLE in ja_preview.content.decode()
    assert NEW_TITLE not in public(client)  # previewing changed nothing

    assert publisher.post(url, {"action": "approve"}).status_code == 302
    html = public(client)
    assert NEW_TITLE in html and "書き換えた説明です" in html
    change.refresh_from_db()
    assert change.state == "published" and change.decided_by.username == "suzuki"


def test_a_scheduled_approval_goes_live_at_its_time(client, proposed):
    publisher = staff_client("suzuki", PUBLISHERS)
    change = PendingChange.objects.get()
    url = reverse("admin:pages_section_pending_change", args=[change.pk])
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    response = publisher.post(
        url, {"action": "schedule", "publish_on": tomorrow.isoformat(), "publish_time": "00:00"}
    )
    assert response.status_code == 302
    change.refresh_from_db()
    at = timezone.make_aware(datetime.datetime.combine(tomorrow, datetime.time(0, 0)))
    assert change.state == "scheduled" and change.publish_at == at

    assert review.publish_due(now=at - datetime.timedelta(minutes=1)) == 0
    call_command("publish_due_changes")
    assert NEW_TITLE not in public(client)
    assert review.publish_due(now=at) == 1
    assert NEW_TITLE in public(client)


def test_a_time_in_the_past_is_refused(proposed):
    publisher = staff_client("suzuki", PUBLISHERS)
    change = PendingChange.objects.get()
    url = reverse("admin:pages_section_pending_change", args=[change.pk])
    response = publisher.post(
        url, {"action": "schedule", "publish_on": "2020-01-01", "publish_time": "00:00"}
    )
    assert response.status_code == 400
    assert "その時刻は過ぎています" in response.content.decode()
    assert PendingChange.objects.get().state == "pending"


def test_a_rejected_change_stays_with_its_comment(client, proposed):
    editor, section, _block = proposed
    publisher = staff_client("suzuki", PUBLISHERS)
    change = PendingChange.objects.get()
    url = reverse("admin:pages_section_pending_change", args=[change.pk])
    assert publisher.post(url, {"action": "reject", "comment": ""}).status_code == 400
    comment = "出典の日付を確認してください。"
    assert publisher.post(url, {"action": "reject", "comment": comment}).status_code == 302
    assert NEW_TITLE not in public(client)
    page = editor.get(change_url(section)).content.decode()
    assert comment in page and NEW_TITLE in page and "差し戻しました" in page
    assert comment in publisher.get(CHANGES_URL).content.decode()


def test_publishers_edits_go_live_at_once(client, content):
    publisher = staff_client("suzuki", PUBLISHERS)
    section = Section.objects.get(slug="about")
    page = publisher.get(change_url(section))
    assert (
        publisher.post(change_url(section), admin_form_data(page, title_ja=NEW_TITLE)).status_code
        == 302
    )
    assert NEW_TITLE in public(client)
    assert not PendingChange.objects.exists()


def test_an_editors_change_to_a_draft_goes_through_directly(content):
    editor = staff_client("sato", EDITORS)
    section = Section.objects.get(slug="about")
    Section.objects.filter(pk=section.pk).update(status="draft")
    page = editor.get(change_url(section))
    assert (
        editor.post(change_url(section), admin_form_data(page, title_ja=NEW_TITLE)).status_code
        == 302
    )
    assert Section.objects.get(pk=section.pk).title_ja == NEW_TITLE
    assert not PendingChange.objects.exists()


@pytest.mark.parametrize("first_role", [EDITORS, PUBLISHERS])
def test_the_second_of_two_concurrent_saves_is_warned(content, first_role):
    section = Section.objects.get(slug="about")
    first = staff_client("first", first_role)
    second = staff_client("second", PUBLISHERS)
    first_page = first.get(change_url(section))
    second_page = second.get(change_url(section))

    assert (
        first.post(
            change_url(section), admin_form_data(first_page, title_ja="一人目の題")
        ).status_code
        == 302
    )
    response = second.post(
        change_url(section), admin_form_data(second_page, summary_ja="二人目の要約")
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "ほかの人（first" in html
    assert "二人目の要約" in html  # what they typed is still in the form
    live = Section.objects.get(pk=section.pk)
    assert live.summary_ja == section.summary_ja  # nothing saved from the stale form
    if first_role == PUBLISHERS:
        assert live.title_ja == "一人目の題"
    else:
        assert PendingChange.objects.get().author.username == "first"
    # Saving again, having seen the warning, is a conscious choice and goes through.
    again = second.post(change_url(section), admin_form_data(response, summary_ja="二人目の要約"))
    assert again.status_code == 302
    assert Section.objects.get(pk=section.pk).summary_ja == "二人目の要約"


def test_an_editors_part_edit_waits_and_returns_to_the_page(client, content):
    section = Section.objects.get(slug="privacy")
    block = section.blocks.filter(kind=Block.Kind.LIST).first()
    editor = staff_client("sato", EDITORS)
    page = editor.get(change_url(block))
    data = admin_form_data(page, **{"items-0-text_ja": "書き換えた項目"})
    response = editor.post(change_url(block), data)
    assert response.status_code == 302
    assert response["Location"] == change_url(section)
    assert "書き換えた項目" not in client.get("/ja/sections/privacy/").content.decode()
    assert PendingChange.objects.for_page(section).open().exists()
    # The block's own page shows the pending version to its editor.
    assert "書き換えた項目" in editor.get(change_url(block)).content.decode()
