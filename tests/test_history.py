"""Staff see who changed what and when, compare versions, and restore one (every language)."""

import pytest
from django.urls import reverse
from test_admin_editing import admin_form_data, change_url, save, staff_client

from pages.models import Block, Section
from shinjuku_mynumber.publishing import Status
from shinjuku_mynumber.roles import EDITORS

pytestmark = pytest.mark.django_db


@pytest.fixture
def edited(content):
    """The "about" section as loaded, then edited by an editor in three languages."""
    original = Section.objects.get(slug="about")
    editor = staff_client("sato", EDITORS)
    save(editor, original, title_ja="改題", title_en="Renamed", title_ko="")
    return editor, original


def test_history_shows_who_changed_what_and_when(edited):
    editor, original = edited
    response = editor.get(reverse("admin:pages_section_history", args=[original.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "sato" in html
    # The comparison with the version before: each changed field, old -> new.
    # The admin speaks Japanese: "タイトル [en]" is the English title field.
    assert "タイトル [en]" in html and "Renamed" in html and original.title_en in html
    assert "タイトル [ko]" in html
    assert "終了のお知らせ [en]" not in html  # empty before and after: not a change


def test_restoring_an_old_version_brings_back_every_language(client, edited):
    editor, original = edited
    assert Section.objects.get(pk=original.pk).title_en == "Renamed"
    old = Section.history.filter(id=original.pk, title_en=original.title_en).latest("history_date")
    url = reverse("admin:pages_section_simple_history", args=[original.pk, old.history_id])
    page = editor.get(url)
    assert page.status_code == 200
    response = editor.post(url, admin_form_data(page))
    assert response.status_code == 302

    restored = Section.objects.get(pk=original.pk)
    for code in ("ja", "en", "ko", "zh_hans", "vi", "pt_br"):
        assert getattr(restored, f"title_{code}") == getattr(original, f"title_{code}"), code
    assert restored.summary_en == original.summary_en
    assert original.title_ja in client.get("/ja/sections/about/").content.decode()
    assert original.title_en in client.get("/en/sections/about/").content.decode()
    # The restore is itself a version in the history, by the same editor.
    assert Section.history.filter(id=original.pk).latest("history_date").history_user.username == (
        "sato"
    )


def test_an_editor_restoring_a_published_version_does_not_publish(edited):
    editor, original = edited
    Section.objects.filter(pk=original.pk).update(status=Status.DRAFT)
    old = Section.history.filter(id=original.pk, status=Status.PUBLISHED).earliest("history_date")
    url = reverse("admin:pages_section_simple_history", args=[original.pk, old.history_id])
    assert editor.post(url, admin_form_data(editor.get(url))).status_code == 302
    restored = Section.objects.get(pk=original.pk)
    assert restored.title_en == original.title_en
    assert restored.status == Status.DRAFT


def test_every_part_has_its_own_history(content):
    editor = staff_client("sato", EDITORS)
    block = Block.objects.filter(section__slug="about").first()
    save(editor, block, text_en="<p>Changed</p>")
    history_url = reverse("admin:pages_block_history", args=[block.pk])
    html = editor.get(history_url).content.decode()
    assert "sato" in html and "Changed" in html
    # Reached from the section's page through the inline's change link.
    assert change_url(block) in editor.get(change_url(block.section)).content.decode()
