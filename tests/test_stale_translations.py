"""When the Japanese changes, its translations are marked outdated until they are updated."""

import pytest
from django.conf import settings
from django.urls import reverse
from test_admin_editing import admin_form_data, change_url, staff_client

from pages.models import Block, Section
from shinjuku_mynumber.models import PendingChange, TranslationSource
from shinjuku_mynumber.roles import EDITORS, PUBLISHERS

pytestmark = pytest.mark.django_db

STATUS_URL = "/admin/pages/section/translations/"
NOTICE = "This translation may not reflect that change yet."


@pytest.fixture
def publisher(content):
    return staff_client("suzuki", PUBLISHERS)


def edit_block(client, block, **changes):
    url = change_url(block)
    response = client.post(url, admin_form_data(client.get(url), **changes))
    assert response.status_code == 302


@pytest.fixture
def changed(publisher):
    """A publisher rewrote a paragraph of "about" in Japanese only."""
    block = Block.objects.filter(section__slug="about", kind=Block.Kind.PARAGRAPH).first()
    edit_block(publisher, block, text_ja="<p>新しい日本語の説明です。</p>")
    return block


def test_a_japanese_edit_marks_its_translations_outdated(client, publisher, changed):
    outdated = TranslationSource.objects.filter(object_id=str(changed.pk), outdated=True)
    # Every language but Japanese, by its column suffix (pt-br -> pt_br, ja-easy -> ja_easy).
    assert {s.language for s in outdated} == {
        code.replace("-", "_") for code, _name in settings.LANGUAGES if code != "ja"
    }
    assert {s.field for s in outdated} == {"text"}

    english = client.get("/en/sections/about/").content.decode()
    assert NOTICE in english and "The Japanese page was updated on" in english
    assert 'href="/ja/sections/about/" lang="ja" hreflang="ja"' in english
    assert NOTICE not in client.get("/ja/sections/about/").content.decode()
    korean = client.get("/ko/sections/about/").content.decode()
    assert "callout-outdated" in korean and NOTICE not in korean  # in Korean

    status = publisher.get(STATUS_URL).content.decode()
    table = status[status.index('id="language-status"') :]
    english_row = table[table.index("(en)") :]
    assert 'href="?language=en#outdated">1</a>' in english_row[: english_row.index("</tr>")]
    assert "新しい日本語の説明です。" in status[status.index('id="outdated-translations"') :]


def test_saving_the_translation_clears_it(client, publisher, changed):
    edit_block(publisher, changed, text_en="<p>The new explanation.</p>")
    assert not TranslationSource.objects.get(object_id=str(changed.pk), language="en").outdated
    assert TranslationSource.objects.get(object_id=str(changed.pk), language="ko").outdated
    assert NOTICE not in client.get("/en/sections/about/").content.decode()
    assert "callout-outdated" in client.get("/ko/sections/about/").content.decode()


def test_still_correct_clears_it_and_japanese_can_be_shown_meanwhile(client, publisher, changed):
    korean = TranslationSource.objects.get(object_id=str(changed.pk), language="ko")
    assert (
        publisher.post(STATUS_URL, {"source": korean.pk, "action": "japanese"}).status_code == 302
    )
    html = client.get("/ko/sections/about/").content.decode()
    assert '<div lang="ja" class="untranslated"><p>新しい日本語の説明です。</p></div>' in html

    spanish = TranslationSource.objects.get(object_id=str(changed.pk), language="es")
    assert (
        publisher.post(STATUS_URL, {"source": spanish.pk, "action": "confirm"}).status_code == 302
    )
    spanish.refresh_from_db()
    assert not spanish.outdated
    assert "callout-outdated" not in client.get("/es/sections/about/").content.decode()
    assert publisher.post(STATUS_URL, {"source": "x", "action": "confirm"}).status_code == 400
    editor = staff_client("sato", EDITORS)
    assert (
        editor.post(STATUS_URL, {"source": korean.pk, "action": "translation"}).status_code == 403
    )


def test_an_editors_change_counts_when_it_is_approved(client, content):
    section = Section.objects.get(slug="about")
    editor = staff_client("sato", EDITORS)
    page = editor.get(change_url(section))
    assert (
        editor.post(change_url(section), admin_form_data(page, title_ja="新しい題")).status_code
        == 302
    )
    assert not TranslationSource.objects.exists()
    publisher = staff_client("suzuki", PUBLISHERS)
    change = PendingChange.objects.get()
    url = reverse("admin:pages_section_pending_change", args=[change.pk])
    assert publisher.post(url, {"action": "approve"}).status_code == 302
    assert (
        TranslationSource.objects.filter(
            object_id=str(section.pk), field="title", outdated=True
        ).count()
        == len(settings.LANGUAGES) - 1
    )
    assert NOTICE in client.get("/en/sections/about/").content.decode()
