"""Outdated translations of locations and call centres: the reader is told, staff see the change."""

import pytest
from django.utils import translation
from test_admin_editing import admin_form_data, change_url, staff_client

from contacts.models import CallCentre
from facilities.models import Location
from shinjuku_mynumber.models import TranslationSource
from shinjuku_mynumber.roles import PUBLISHERS

pytestmark = pytest.mark.django_db

NOTICE = "This translation may not reflect that change yet."
STATUS_URL = "/admin/pages/section/translations/"


@pytest.fixture
def publisher(content):
    return staff_client("suzuki", PUBLISHERS)


def edit(client, obj, **changes):
    url = change_url(obj)
    response = client.post(url, admin_form_data(client.get(url), **changes))
    assert response.status_code == 302, response.content.decode()[:2000]


def page_url(obj, language):
    with translation.override(language):
        return obj.get_absolute_url()


def location_with_notes():
    return Location.objects.published().exclude(notes_ja="").exclude(notes_en="").first()


def test_a_japanese_edit_of_a_location_tells_english_readers_until_the_english_is_saved(
    client, publisher
):
    location = location_with_notes()
    english_url = page_url(location, "en")
    assert NOTICE not in client.get(english_url).content.decode()
    edit(publisher, location, notes_ja="新宿駅西口から徒歩5分。エレベーターは北側です。")

    english = client.get(english_url).content.decode()
    assert NOTICE in english and "The Japanese page was updated on" in english
    japanese_url = page_url(location, "ja")
    assert f'<a href="{japanese_url}" lang="ja" hreflang="ja">日本語のページ</a>' in english
    # The list of locations shows the notes too, and says so as well.
    english_list = client.get("/en/locations/").content.decode()
    assert NOTICE in english_list
    assert '<a href="/ja/locations/" lang="ja" hreflang="ja">日本語のページ</a>' in english_list
    assert "callout-outdated" not in client.get("/ja/locations/").content.decode()
    assert "callout-outdated" not in client.get(japanese_url).content.decode()
    korean = client.get(page_url(location, "ko")).content.decode()
    assert "callout-outdated" in korean and NOTICE not in korean  # in Korean

    location.refresh_from_db()
    edit(publisher, location, notes_en="Five minutes' walk from the west exit of Shinjuku.")
    assert "callout-outdated" not in client.get(english_url).content.decode()
    assert "callout-outdated" not in client.get("/en/locations/").content.decode()
    assert "callout-outdated" in client.get(page_url(location, "ko")).content.decode()


def test_a_japanese_edit_of_a_call_centre_tells_readers_of_the_contact_page(client, publisher):
    centre = CallCentre.objects.exclude(purpose_ja="").exclude(purpose_en="").first()
    assert "callout-outdated" not in client.get("/en/contact/").content.decode()
    edit(publisher, centre, purpose_ja="マイナンバーカードの紛失・一時停止の受付（24時間）")

    english = client.get("/en/contact/").content.decode()
    assert NOTICE in english
    assert '<a href="/ja/contact/" lang="ja" hreflang="ja">日本語のページ</a>' in english
    assert "callout-outdated" not in client.get("/ja/contact/").content.decode()

    centre.refresh_from_db()
    edit(publisher, centre, purpose_en="Reports of a lost card, at any hour.")
    assert "callout-outdated" not in client.get("/en/contact/").content.decode()


def test_the_status_page_shows_what_changed_in_the_japanese(client, publisher):
    location = location_with_notes()
    before = location.notes_ja
    edit(publisher, location, notes_ja=before + "土曜日は正面入口が閉まります。")
    source = TranslationSource.objects.get(object_id=str(location.pk), language="en")
    assert source.outdated and source.japanese_before == before

    html = publisher.get(STATUS_URL + "?language=en").content.decode()
    table = html[html.index('id="outdated-translations"') :]
    row = table[: table.index("</tr>", table.index("<tbody>"))]
    assert "翻訳したときの日本語" in row and "現在の日本語" in row
    # The old text as translated, and the new one with the addition marked.
    assert before[:10] in row
    assert "<ins>土曜日は正面入口が閉まります。</ins>" in row
    assert location.notes_en[:20] in row or location.notes_en[:20].replace("'", "&#x27;") in row
