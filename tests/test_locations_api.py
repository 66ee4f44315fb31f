"""GET /api/v1/locations: every location, open or not, at now or at ?at=."""

import pytest

pytestmark = pytest.mark.django_db

URL = "/api/v1/locations"


def by_id(response):
    return {item["id"]: item for item in response.json()["locations"]}


def test_lists_every_location_with_its_rules(client, content):
    response = client.get(URL)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    data = response.json()
    assert set(data) == {"at", "locations"}
    assert len(data["locations"]) == 11
    first = data["locations"][0]
    assert {"id", "name", "kind", "address", "is_open", "next_change", "hours"} <= set(first)
    assert first["id"] == "honcho-terminal"
    assert first["kind"] == "terminal"
    assert first["hours"] == [{"day_type": "weekday", "opens": "08:30", "closes": "17:00"}]
    assert "max-age=60" in response["Cache-Control"]


@pytest.mark.parametrize(
    ("at", "desk", "yotsuya"),
    [
        # Sunday in the year-end closure: all closed, desk opens on Monday 1/5.
        (
            "2026-01-03T12:00:00+09:00",
            (False, "2026-01-05T08:30:00+09:00"),
            (False, "2026-01-04T09:30:00+09:00"),
        ),
        # Monday 14:00: all open.
        (
            "2026-06-08T14:00:00+09:00",
            (True, "2026-06-08T17:00:00+09:00"),
            (True, "2026-06-08T20:00:00+09:00"),
        ),
        # The same moment in UTC.
        (
            "2026-06-08T05:00:00Z",
            (True, "2026-06-08T17:00:00+09:00"),
            (True, "2026-06-08T20:00:00+09:00"),
        ),
        # No offset: Tokyo time. Holiday (成人の日): centres keep holiday hours.
        (
            "2026-01-12T10:00",
            (False, "2026-01-13T08:30:00+09:00"),
            (True, "2026-01-12T17:30:00+09:00"),
        ),
    ],
)
def test_at_asks_about_any_moment(client, content, at, desk, yotsuya):
    response = client.get(URL, {"at": at})
    assert response.status_code == 200
    locations = by_id(response)
    office = locations["honcho-terminal"]
    assert (office["is_open"], office["next_change"]) == desk
    assert (locations["yotsuya"]["is_open"], locations["yotsuya"]["next_change"]) == yotsuya


def test_unencoded_plus_in_the_offset_is_understood(client, content):
    # "+09:00" typed in a URL arrives as " 09:00".
    response = client.get(URL + "?at=2026-06-08T14:00:00+09:00")
    assert response.status_code == 200
    assert response.json()["at"] == "2026-06-08T14:00:00+09:00"


@pytest.mark.parametrize("bad", ["tomorrow", "2026-13-01T10:00", "2026-06-08T25:00", "", "12:00"])
def test_bad_at_is_a_400_with_a_json_message(client, content, bad):
    response = client.get(URL, {"at": bad})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert "ISO 8601" in response.json()["error"]


def test_dated_closure_shows_in_the_api(client, content):
    import datetime

    from facilities.models import Location

    location = Location.objects.get(slug="okubo")
    location.exceptions.create(date=datetime.date(2026, 6, 10), note="地域センターまつり")
    locations = by_id(client.get(URL, {"at": "2026-06-10T12:00:00+09:00"}))
    assert locations["okubo"]["is_open"] is False
    assert locations["okubo"]["next_change"] == "2026-06-11T09:30:00+09:00"
    assert locations["yotsuya"]["is_open"] is True


def test_only_get(client, content):
    assert client.post(URL).status_code == 405


@pytest.mark.parametrize(
    "at",
    [
        "9999-12-31T23:59:59",
        "9999-12-31T23:59:59+09:00",
        "9999-12-31T23:59:59Z",
        "9999-12-31T23:59:59-12:00",
        "0001-01-01T00:00:00",
        "0001-01-01T00:00:00+09:00",
        "0001-01-01T00:00:00+14:00",
        "0001-01-01T00:00:00Z",
        "0001-01-01",
        "1899-12-31T23:59:59",
        "3000-01-01T00:00:00",
    ],
)
def test_moments_at_the_ends_of_the_calendar_are_a_400(client, content, at):
    response = client.get("/api/v1/locations", {"at": at})
    assert response.status_code == 400
    assert "1900" in response.json()["error"] and "2999" in response.json()["error"]


def test_moments_inside_the_range_still_answer(client, content):
    for at in ("1900-01-01T00:00:00+09:00", "2999-12-31T23:59:59+09:00"):
        assert client.get("/api/v1/locations", {"at": at}).status_code == 200, at
