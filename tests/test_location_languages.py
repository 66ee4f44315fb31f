"""Location pages say whether help is given in other languages (issue 14, item 4):
what a source confirms, or "not confirmed: ask", in every language; the same in
the open data."""

import csv
import io
import re

import pytest
from django.urls import reverse

from facilities.models import Location

pytestmark = pytest.mark.django_db


def language_row(html):
    """The text of the "help in other languages" fact, tags removed."""
    match = re.search(r'<dd class="location-notes language-help">(.*?)</dd>', html, re.S)
    assert match, "the location page has no row for help in other languages"
    return re.sub(r"<[^>]+>", "", match.group(1)).strip()


NOT_CONFIRMED = [
    ("ja", "外国語での支援", "確認できていません。お出かけ前にお問い合わせください。"),
    ("en", "Help in other languages", "Not confirmed. Please ask before you go."),
    ("zh-hans", "外语支援", "尚未确认。请在前往前咨询。"),
    ("ne", "अन्य भाषामा सहयोग", "पुष्टि भएको छैन। जानुअघि सोधपुछ गर्नुहोस्।"),
    ("my", "အခြားဘာသာစကားဖြင့် အကူအညီ", "အတည်မပြုရသေးပါ။ မသွားမီ မေးမြန်းပါ။"),
]


def test_an_unconfirmed_location_tells_residents_to_ask(client, content):
    for language, label, not_confirmed in NOT_CONFIRMED:
        html = client.get(f"/{language}/locations/yotsuya/").content.decode()
        assert f"<dt>{label}</dt>" in html, language
        assert language_row(html) == not_confirmed


def test_the_main_office_says_what_the_wards_2017_release_says_and_that_it_is_being_checked(
    client, content
):
    ja = language_row(client.get("/ja/locations/honcho-terminal/").content.decode())
    assert ja.startswith("確認できていません。")  # never a promise
    assert "タブレット端末によるテレビ通訳" in ja and "12言語" in ja and "確認中" in ja
    en = language_row(client.get("/en/locations/honcho-terminal/").content.decode())
    assert en.startswith("Not confirmed.")
    assert "video interpreting on a tablet (12 languages" in en


CONFIRMED = [
    ("japanese", "日本語のみ", "Japanese only"),
    ("staff", "外国語を話す職員がいます", "Staff who speak other languages"),
    ("interpreting", "タブレット端末によるテレビ通訳", "Interpreting by video call on a tablet"),
]


def test_what_staff_confirm_is_shown_on_the_page_in_the_api_and_in_the_csv(client, content):
    for value, ja, en in CONFIRMED:
        check_confirmed(client, value, ja, en)


def check_confirmed(client, value, ja, en):
    location = Location.objects.get(slug="okubo")
    location.language_help = value  # saved as staff save: cached pages and data follow
    location.language_note_ja, location.language_note_en = "英語は月曜日の午後のみ", ""
    location.save()
    page = reverse("facilities:detail", kwargs={"slug": "okubo"})
    assert language_row(client.get(page).content.decode()) == f"{ja}\n英語は月曜日の午後のみ"
    english = client.get("/en/locations/okubo/").content.decode()
    # The untranslated note is shown in Japanese and marked as such.
    assert re.search(rf"{en}\s*<span lang=\"ja\"[^>]*>英語は月曜日の午後のみ</span>", english)

    api = {item["id"]: item for item in client.get("/api/v1/locations").json()["locations"]}
    assert (api["okubo"]["language_help"], api["okubo"]["language_note"]) == (
        value,
        "英語は月曜日の午後のみ",
    )
    assert (api["yotsuya"]["language_help"], api["yotsuya"]["language_note"]) == (None, None)

    text = client.get("/opendata/locations.csv").content.decode("utf-8-sig")
    rows = {row[4]: row for row in csv.reader(io.StringIO(text))}
    assert f"外国語での支援: {ja}(英語は月曜日の午後のみ)" in rows["大久保地域センター"][-1]
    assert "外国語での支援: 確認できていません" in rows["四谷地域センター"][-1]
