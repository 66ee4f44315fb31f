"""Locations as they are today: Mynapoint ended (applications closed on
30 September 2023), so no page, API or CSV row offers Mynapoint or MyKey ID
help, and the main office's staffed desk, which cannot be confirmed to exist,
is kept for staff as a draft."""

import pytest

from facilities.models import Location, Service

pytestmark = pytest.mark.django_db

MYNAPOINT_WORDS = ("マイナポイント", "マイキー", "Mynapoint", "MyKey", "決済サービス")


def main_of(html):
    """The page's own content, without the site navigation (which names every section)."""
    return html.split("<main", 1)[1].split("</main>", 1)[0]


def assert_no_mynapoint_help(text):
    for word in MYNAPOINT_WORDS:
        assert word not in text, word


@pytest.mark.parametrize("language", ["ja", "en"])
def test_no_location_page_offers_mynapoint_help(client, content, language):
    assert_no_mynapoint_help(main_of(client.get(f"/{language}/locations/").content.decode()))
    for slug in Location.objects.published().values_list("slug", flat=True):
        html = client.get(f"/{language}/locations/{slug}/").content.decode()
        assert_no_mynapoint_help(main_of(html))


def test_no_api_or_csv_row_offers_mynapoint_help(client, content):
    api = client.get("/api/v1/locations").content.decode()
    csv_text = client.get("/opendata/locations.csv").content.decode("utf-8-sig")
    assert_no_mynapoint_help(api)
    assert_no_mynapoint_help(csv_text)
    assert "honcho-desk" not in api and "honcho-desk" not in csv_text
    assert not Service.objects.filter(key__in=["mynapoint-help", "mykey-id"]).exists()


def test_the_main_office_desk_is_kept_for_staff_as_a_draft(client, admin_client, content):
    desk = Location.objects.get(slug="honcho-desk")
    assert desk.status == "draft" and not desk.services.exists()
    assert client.get("/ja/locations/honcho-desk/").status_code == 404
    assert admin_client.get(f"/admin/facilities/location/{desk.pk}/change/").status_code == 200


def test_access_step_free_access_and_phone_are_shown(client, content):
    Location.objects.filter(slug="okubo").update(
        access_ja="JR山手線 新大久保駅から徒歩5分",
        accessibility_ja="入口にスロープがあります",
        phone="03-3209-0000",
    )
    html = client.get("/ja/locations/okubo/").content.decode()
    assert "JR山手線 新大久保駅から徒歩5分" in html
    assert "入口にスロープがあります" in html
    assert '<a href="tel:+81332090000">03-3209-0000</a>' in html
    listing = client.get("/ja/locations/").content.decode()
    assert "JR山手線 新大久保駅から徒歩5分" in listing
    row = next(
        item
        for item in client.get("/api/v1/locations").json()["locations"]
        if item["id"] == "okubo"
    )
    assert (row["phone"], row["phone_display"]) == ("+81332090000", "03-3209-0000")
    assert row["access"] == "JR山手線 新大久保駅から徒歩5分"
    # Nothing invented where no source gave it.
    yotsuya = client.get("/ja/locations/yotsuya/").content.decode()
    facts = yotsuya.split('<dl class="location-facts">', 1)[1].split("</dl>", 1)[0]
    assert "tel:" not in facts and "JR" not in facts
