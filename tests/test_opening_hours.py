"""Open or closed at a moment, and when that changes: one pure function.

The tables use the ward's real rules. 2026: 1/12 (Mon) 成人の日, 5/6 (Wed)
振替休日 for 5/3 on a Sunday; 1/5 (Mon) is the first working day of the year.
"""

import datetime
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation

from facilities import hours

TOKYO = ZoneInfo("Asia/Tokyo")


def rule(day_type, opens, closes):
    return SimpleNamespace(
        day_type=day_type,
        opens=datetime.time.fromisoformat(opens),
        closes=datetime.time.fromisoformat(closes),
    )


YEAR_END = SimpleNamespace(start_month=12, start_day=29, end_month=1, end_day=3)
WARD_OFFICE = [rule("weekday", "08:30", "17:00")]
REGIONAL_CENTRE = [
    rule("weekday", "09:30", "20:00"),
    rule("saturday", "09:30", "17:30"),
    rule("sunday", "09:30", "17:30"),
    rule("holiday", "09:30", "17:30"),
]
EVENT_DAY = datetime.date(2026, 6, 10)  # a Wednesday
EVENT_CLOSURE = SimpleNamespace(date=EVENT_DAY, is_closed=True, opens=None, closes=None)

ward_office = hours.Schedule.build(WARD_OFFICE, [YEAR_END])
regional_centre = hours.Schedule.build(REGIONAL_CENTRE, [YEAR_END], [EVENT_CLOSURE])


def at(text):
    return datetime.datetime.fromisoformat(text).replace(tzinfo=TOKYO)


# (moment, is open, next change)
WARD_OFFICE_CASES = [
    ("2026-06-08 08:29", False, "2026-06-08 08:30"),  # Monday before opening
    ("2026-06-08 08:30", True, "2026-06-08 17:00"),  # exactly at opening: open
    ("2026-06-08 08:31", True, "2026-06-08 17:00"),
    ("2026-06-08 16:59", True, "2026-06-08 17:00"),
    ("2026-06-08 17:00", False, "2026-06-09 08:30"),  # exactly at closing: closed
    ("2026-06-08 19:00", False, "2026-06-09 08:30"),  # weekday evening
    ("2026-06-12 18:00", False, "2026-06-15 08:30"),  # Friday evening -> Monday
    ("2026-06-13 10:00", False, "2026-06-15 08:30"),  # Saturday
    ("2026-06-14 10:00", False, "2026-06-15 08:30"),  # Sunday
    ("2026-01-12 10:00", False, "2026-01-13 08:30"),  # public holiday on a Monday
    ("2026-05-06 10:00", False, "2026-05-07 08:30"),  # substitute holiday (振替休日)
    ("2025-12-26 12:00", True, "2025-12-26 17:00"),  # last working day of the year
    ("2025-12-29 10:00", False, "2026-01-05 08:30"),  # year-end closure, a Monday
    ("2025-12-30 10:00", False, "2026-01-05 08:30"),
    ("2025-12-31 10:00", False, "2026-01-05 08:30"),
    ("2026-01-01 10:00", False, "2026-01-05 08:30"),
    ("2026-01-02 10:00", False, "2026-01-05 08:30"),
    ("2026-01-03 10:00", False, "2026-01-05 08:30"),
    ("2026-01-05 08:30", True, "2026-01-05 17:00"),  # first working day after
]

REGIONAL_CENTRE_CASES = [
    ("2026-06-08 09:29", False, "2026-06-08 09:30"),  # Monday before opening
    ("2026-06-08 09:30", True, "2026-06-08 20:00"),  # exactly at opening: open
    ("2026-06-08 09:31", True, "2026-06-08 20:00"),
    ("2026-06-08 19:30", True, "2026-06-08 20:00"),  # weekday evening: still open
    ("2026-06-08 20:00", False, "2026-06-09 09:30"),  # exactly at closing: closed
    ("2026-06-13 09:29", False, "2026-06-13 09:30"),  # Saturday before opening
    ("2026-06-13 10:00", True, "2026-06-13 17:30"),  # Saturday
    ("2026-06-13 17:30", False, "2026-06-14 09:30"),  # Saturday at closing
    ("2026-06-14 10:00", True, "2026-06-14 17:30"),  # Sunday
    ("2026-01-12 10:00", True, "2026-01-12 17:30"),  # holiday on a Monday: holiday hours
    ("2026-01-12 18:00", False, "2026-01-13 09:30"),  # ... closed at 18:00, not 20:00
    ("2026-05-06 18:00", False, "2026-05-07 09:30"),  # substitute holiday: holiday hours
    ("2026-05-06 12:00", True, "2026-05-06 17:30"),
    ("2025-12-28 12:00", True, "2025-12-28 17:30"),  # Sunday before the closure
    ("2025-12-28 17:30", False, "2026-01-04 09:30"),
    ("2025-12-29 10:00", False, "2026-01-04 09:30"),  # 12/29 through 1/3 closed
    ("2025-12-30 10:00", False, "2026-01-04 09:30"),
    ("2025-12-31 10:00", False, "2026-01-04 09:30"),
    ("2026-01-01 10:00", False, "2026-01-04 09:30"),
    ("2026-01-02 10:00", False, "2026-01-04 09:30"),
    ("2026-01-03 10:00", False, "2026-01-04 09:30"),
    ("2026-01-04 09:30", True, "2026-01-04 17:30"),  # first day after: a Sunday
    ("2026-06-09 20:30", False, "2026-06-11 09:30"),  # next day is an event closure
    ("2026-06-10 12:00", False, "2026-06-11 09:30"),  # dated event closure
]


@pytest.mark.parametrize(("moment", "is_open", "next_change"), WARD_OFFICE_CASES)
def test_ward_office_desk(moment, is_open, next_change):
    status = hours.status_at(at(moment), ward_office)
    assert (status.is_open, status.next_change) == (is_open, at(next_change))


@pytest.mark.parametrize(("moment", "is_open", "next_change"), REGIONAL_CENTRE_CASES)
def test_regional_centre_terminal(moment, is_open, next_change):
    status = hours.status_at(at(moment), regional_centre)
    assert (status.is_open, status.next_change) == (is_open, at(next_change))


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        ("2026-06-08", "weekday"),
        ("2026-06-13", "saturday"),
        ("2026-06-14", "sunday"),
        ("2026-01-12", "holiday"),  # 成人の日
        ("2026-05-06", "holiday"),  # 振替休日
        ("2026-09-22", "holiday"),  # 国民の休日 between two holidays
        ("2026-05-03", "holiday"),  # 憲法記念日 on a Sunday
    ],
)
def test_day_types_follow_the_japanese_calendar(day, expected):
    assert hours.day_type(datetime.date.fromisoformat(day)) == expected


def test_moment_in_another_zone_is_judged_in_tokyo():
    # 2026-06-08 00:30 UTC is 09:30 in Tokyo: the regional centres open.
    moment = datetime.datetime(2026, 6, 8, 0, 30, tzinfo=datetime.UTC)
    status = hours.status_at(moment, regional_centre)
    assert status.is_open
    assert status.day == datetime.date(2026, 6, 8)


def test_special_opening_overrides_the_weekly_rules_and_closures():
    special = SimpleNamespace(
        date=datetime.date(2026, 1, 3),
        is_closed=False,
        opens=datetime.time(10),
        closes=datetime.time(12),
    )
    schedule = hours.Schedule.build(WARD_OFFICE, [YEAR_END], [special])
    assert hours.status_at(at("2026-01-03 11:00"), schedule).is_open
    assert hours.status_at(at("2026-01-02 11:00"), schedule).next_change == at("2026-01-03 10:00")


def test_today_hours_are_the_rules_of_the_day():
    status = hours.status_at(at("2026-06-13 08:00"), regional_centre)
    assert status.today_hours == (hours.Period(datetime.time(9, 30), datetime.time(17, 30)),)
    assert hours.status_at(at("2026-01-01 08:00"), regional_centre).today_hours == ()


def test_a_place_with_no_hours_never_opens():
    status = hours.status_at(at("2026-06-08 12:00"), hours.Schedule.build([]))
    assert status == hours.OpeningStatus(False, None, (), datetime.date(2026, 6, 8))


def test_periods_that_meet_are_one_opening():
    split = [rule("weekday", "09:00", "12:00"), rule("weekday", "12:00", "17:00")]
    status = hours.status_at(at("2026-06-08 10:00"), hours.Schedule.build(split))
    assert status.next_change == at("2026-06-08 17:00")


def test_lunch_break_closes_in_between():
    split = [rule("weekday", "09:00", "12:00"), rule("weekday", "13:00", "17:00")]
    status = hours.status_at(at("2026-06-08 12:30"), hours.Schedule.build(split))
    assert (status.is_open, status.next_change) == (False, at("2026-06-08 13:00"))


@pytest.mark.parametrize(
    ("moment", "language", "text"),
    [
        ("2026-01-03 12:00", "en", "Closed · opens Sun 4 Jan 9:30"),
        ("2026-06-08 12:00", "en", "Open · closes 20:00"),
    ],
)
def test_status_in_words(moment, language, text):
    from django.utils import translation

    with translation.override(language):
        assert hours.describe(hours.status_at(at(moment), regional_centre)) == text


@pytest.mark.django_db
def test_closing_time_must_be_after_opening_time():
    from django.db import IntegrityError, transaction

    from facilities.models import Location, LocationHours

    location = Location.objects.create(slug="x", kind="terminal", name="x", address="x")
    with pytest.raises(IntegrityError), transaction.atomic():
        LocationHours.objects.create(
            location=location,
            day_type="weekday",
            opens=datetime.time(17),
            closes=datetime.time(9),
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        LocationHours.objects.create(
            location=location,
            day_type="weekday",
            opens=datetime.time(9),
            closes=datetime.time(9),
        )


@pytest.mark.parametrize("moment", ["2025-12-31 03:00", "2026-01-01 12:00", "2026-06-08 23:59"])
def test_an_always_open_schedule_ignores_closures_and_never_changes(moment):
    status = hours.status_at(at(moment), hours.Schedule.around_the_clock())
    assert status.is_open and status.next_change is None
    with translation.override("en"):
        assert hours.describe(status) == "Open 24 hours"
