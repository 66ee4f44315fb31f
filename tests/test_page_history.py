"""A page's history holds the whole page: who changed what, when; a restore brings all of it back."""

import json
import re

import pytest
from django.core import serializers
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from test_admin_editing import admin_form_data, change_url, staff_client

from contacts.models import CallCentre
from facilities.models import Location
from pages.models import Block, Document, Section
from shinjuku_mynumber import versioning
from shinjuku_mynumber.models import PendingChange
from shinjuku_mynumber.roles import EDITORS, PUBLISHERS

pytestmark = pytest.mark.django_db


def pdf(name, body):
    return SimpleUploadedFile(name, b"%PDF-1.4\n" + body + b"\n%%EOF\n", "application/pdf")


def page_rows(section):
    """Every row of the page (all parts, all languages), without timestamps."""
    rows = {}
    for obj in versioning.page_objects(section):
        fields = json.loads(serializers.serialize("json", [obj]))[0]["fields"]
        fields.pop("modified", None)
        rows[(type(obj).__name__, obj.pk)] = fields
    return rows


def public_html(client, slug, language):
    """The rendered page, but for the moment of its last update (a restore is an update)."""
    html = client.get(f"/{language}/sections/{slug}/").content.decode()
    return re.sub(r'(<p class="last-updated">.*?<time datetime=")[^"]+', r"\1", html)


def revision_url(obj, revision):
    return reverse(
        f"admin:{obj._meta.app_label}_{obj._meta.model_name}_revision", args=[obj.pk, revision.pk]
    )


@pytest.fixture
def pia_with_a_file(content, settings, tmp_path):
    """The PIA page with an uploaded document, saved once by a publisher (version 1)."""
    settings.MEDIA_ROOT = tmp_path
    section = Section.objects.get(slug="pia")
    Document.objects.create(
        section=section,
        position=9,
        title_ja="評価書",
        title_en="Assessment",
        file=pdf("a.pdf", b"1"),
    )
    publisher = staff_client("suzuki", PUBLISHERS)
    page = publisher.get(change_url(section))
    assert publisher.post(change_url(section), admin_form_data(page)).status_code == 302
    return publisher, Section.objects.get(pk=section.pk)


def test_restore_brings_back_exactly_the_earlier_page(client, pia_with_a_file):
    publisher, section = pia_with_a_file
    first = versioning.live_versions(section).first().revision
    rows_before = page_rows(section)
    html_before = {code: public_html(client, "pia", code) for code in ("ja", "en")}

    # Version 2: a block added, a block edited, the document's file replaced.
    page = publisher.get(change_url(section))
    data = admin_form_data(page)
    blocks = int(data["blocks-TOTAL_FORMS"])
    paragraph = next(i for i in range(blocks) if data[f"blocks-{i}-kind"] == "paragraph")
    data.update(
        {
            "blocks-TOTAL_FORMS": str(blocks + 1),
            f"blocks-{blocks}-kind": "paragraph",
            f"blocks-{blocks}-position": "99",
            f"blocks-{blocks}-text_ja": "<p>追加した段落です。</p>",
            f"blocks-{paragraph}-text_ja": "<p>書き換えた段落です。</p>",
        }
    )
    index = next(
        i
        for i in range(int(data["documents-TOTAL_FORMS"]))
        if data[f"documents-{i}-title_ja"] == "評価書"
    )
    data[f"documents-{index}-file"] = pdf("b.pdf", b"2")
    assert publisher.post(change_url(section), data).status_code == 302
    assert Block.objects.filter(section=section, text_ja="<p>追加した段落です。</p>").exists()
    assert "書き換えた段落です" in public_html(client, "pia", "ja")
    assert Document.objects.get(title_ja="評価書").file.name.endswith("b.pdf")

    # The history says who changed what, in sentences.
    history = publisher.get(reverse("admin:pages_section_history", args=[section.pk]))
    html = history.content.decode()
    assert "suzuki" in html
    assert "本文ブロック「追加した段落です。」を追加しました。" in html
    assert "「書き換えた段落です。」のテキスト（日本語）を変更しました。" in html
    assert "書き換えた段落です。" in html
    assert "資料「評価書」のファイルを変更しました。" in html and "<ins>b</ins>.pdf" in html

    # Restore version 1.
    compare = publisher.get(revision_url(section, first))
    assert compare.status_code == 200
    assert "本文ブロック「追加した段落です。」を削除しました。" in compare.content.decode()
    assert publisher.post(revision_url(section, first)).status_code == 302

    restored = Section.objects.get(pk=section.pk)
    assert page_rows(restored) == rows_before
    assert not Block.objects.filter(text_ja="<p>追加した段落です。</p>").exists()
    assert Document.objects.get(title_ja="評価書").file.name.endswith("a.pdf")
    for code, html in html_before.items():
        assert public_html(client, "pia", code) == html, code
    # The restore is itself a new version, by the publisher.
    latest = versioning.live_versions(restored).first().revision
    assert latest.user.username == "suzuki" and latest.pk > first.pk
    assert "に戻しました" in latest.comment


def test_an_editor_restoring_a_public_page_goes_through_review(client, pia_with_a_file):
    publisher, section = pia_with_a_file
    first = versioning.live_versions(section).first().revision
    page = publisher.get(change_url(section))
    assert (
        publisher.post(change_url(section), admin_form_data(page, title_ja="改題")).status_code
        == 302
    )
    editor = staff_client("sato", EDITORS)
    assert editor.post(revision_url(section, first)).status_code == 302
    # The public page keeps the publisher's title until the restore is approved.
    assert Section.objects.get(pk=section.pk).title_ja == "改題"
    change = PendingChange.objects.for_page(section).open().get()
    assert change.author.username == "sato"
    assert "改題" not in editor.get(change_url(section)).content.decode()  # they see the restore
    assert "改題" in public_html(client, "pia", "ja")


def test_part_pages_lead_to_the_whole_page_history(pia_with_a_file):
    publisher, section = pia_with_a_file
    block = section.blocks.first()
    response = publisher.get(reverse("admin:pages_block_history", args=[block.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:pages_section_history", args=[section.pk])


@pytest.mark.parametrize(
    ("model", "inline", "field", "value"),
    [
        (Location, "items_to_bring", "text_ja", "在留カード"),
        (CallCentre, "lines", "label_ja", "外国語ダイヤル"),
    ],
)
def test_locations_and_call_centres_restore_with_their_parts(content, model, inline, field, value):
    publisher = staff_client("suzuki", PUBLISHERS)
    obj = model.objects.filter(**{f"{inline}__isnull": False}).distinct().first()
    url = change_url(obj)
    assert publisher.post(url, admin_form_data(publisher.get(url))).status_code == 302
    first = versioning.live_versions(obj).first().revision
    part = getattr(obj, inline).first()
    before = getattr(part, field)
    data = admin_form_data(publisher.get(url))
    prefix = next(k for k, v in data.items() if k.endswith(f"-{field}") and v == before)
    data[prefix] = value
    assert publisher.post(url, data).status_code == 302
    part.refresh_from_db()
    assert getattr(part, field) == value
    history = publisher.get(
        reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_history", args=[obj.pk])
    )
    assert value in history.content.decode()

    assert publisher.post(revision_url(obj, first)).status_code == 302
    part.refresh_from_db()
    assert getattr(part, field) == before
