"""Locations as they are today: Mynapoint ended (applications closed on
30 September 2023), so no page, API or CSV row offers Mynapoint or MyKey ID
help, and the main office's staffed desk, which cannot be confirmed to exist,
is kept for staff as a draft."""

import pytest
from django.contrib.auth.models import User
from django.test import Client
from test_admin_editing import signed_in

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


def test_the_main_office_desk_is_kept_for_staff_as_a_draft(client, content):
    desk = Location.objects.get(slug="honcho-desk")
    assert desk.status == "draft" and not desk.services.exists()
    assert client.get("/ja/locations/honcho-desk/").status_code == 404
    chief = signed_in(Client(), User.objects.create_superuser("chief", password=None))
    assert chief.get(f"/admin/facilities/location/{desk.pk}/change/").status_code == 200


def test_access_step_free_access_and_phone_are_shown(client, content):
    Location.objects.filter(slug="okubo").update(
        access_ja="JR山手線 新大久保駅から徒歩5分",
        accessibility_ja="入口にスロープがあります",
        phone="03-3209-0000",
    )
    html = client.get("/ja/locations/okubo/").content.decode()
    assert "JR山手線 新大久保駅から徒歩5分" in html
    assert "入口にスロープがあります" in html
    assert '<a class="phone" href="tel:+81332090000">03-3209-0000</a>' in html
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


def test_an_existing_installation_is_corrected_by_the_migrations(transactional_db):
    """A database seeded by the earlier release: Mynapoint services, the desk
    published, numbers in E.164, the free dial never closed."""
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    before = [
        ("facilities", "0002_location_access_accessibility"),
        ("contacts", "0003_callcentre_is_always_open"),
    ]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    old = executor.loader.project_state(before).apps
    service = old.get_model("facilities", "Service").objects.create(key="mynapoint-help", name="x")
    desk = old.get_model("facilities", "Location").objects.create(
        slug="honcho-desk",
        kind="desk",
        name="新宿区役所本庁舎",
        address="新宿区",
        status="published",
    )
    desk.services.add(service)
    desk.items_to_bring.create(key="payment-service", text="決済サービスID")
    centre = old.get_model("contacts", "CallCentre").objects.create(
        key="japanese", name="内閣府(内閣官房)コールセンター", observes_yearly_closures=False
    )
    line = centre.lines.create(key="general", label="x", phone="0120950178")
    # As release 1.0 stored it (raw SQL: the field would write it the new way).
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE contacts_phoneline SET phone = %s WHERE id = %s", ["+81120950178", line.pk]
        )

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    _drop_legacy_history_user_keys(connection)

    from contacts.models import CallCentre

    assert not Service.objects.filter(key="mynapoint-help").exists()
    desk = Location.objects.get(slug="honcho-desk")
    assert desk.status == "draft" and not desk.items_to_bring.exists()
    free_dial = CallCentre.objects.get(key="japanese")
    assert free_dial.observes_yearly_closures
    assert free_dial.lines.get().phone_display == "0120-95-0178"


def _drop_legacy_history_user_keys(connection):
    """Going back past the migrations that keep release 1.0's history tables
    re-creates their foreign keys to auth_user (only a test ever migrates
    backwards); drop them again so the test database can be flushed."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT conrelid::regclass::text, conname FROM pg_constraint WHERE contype = 'f'"
            " AND confrelid = 'auth_user'::regclass AND conrelid::regclass::text LIKE %s",
            ["%historical%"],
        )
        for table, name in cursor.fetchall():
            cursor.execute(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')
