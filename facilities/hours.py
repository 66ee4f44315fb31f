"""Opening hours: whether a place is open at a moment, and when that changes.

One pure function, `status_at(moment, schedule)`, answers for every page, the
API and the admin. A `Schedule` is built from rows the caller has already
fetched (weekly rules, yearly closures, dated exceptions), so computing a
status makes no database query.

The order of the rules for one day:
1. a dated exception (closed for an event, or a special opening) wins;
2. else a yearly closure (12/29-1/3) closes the day;
3. else the weekly rule for the day's type: a Japanese public holiday
   (including substitute holidays) counts as "holiday", whatever its weekday.

A schedule can also be "always open" (24 hours, every day of the year, such
as the line for suspending a lost card): then no rule above applies.
"""

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from zoneinfo import ZoneInfo

import holidays
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext

from shinjuku_mynumber import l10n

WEEKDAY = "weekday"
SATURDAY = "saturday"
SUNDAY = "sunday"
HOLIDAY = "holiday"
DAY_TYPES = (WEEKDAY, SATURDAY, SUNDAY, HOLIDAY)
# How far ahead to look for the next opening before giving up.
SEARCH_DAYS = 400


def local_zone():
    return ZoneInfo(settings.TIME_ZONE)


@cache
def japanese_holidays(year: int) -> holidays.HolidayBase:
    return holidays.country_holidays("JP", years=year)


def is_public_holiday(day: datetime.date) -> bool:
    return day in japanese_holidays(day.year)


def day_type(day: datetime.date) -> str:
    if is_public_holiday(day):
        return HOLIDAY
    return {5: SATURDAY, 6: SUNDAY}.get(day.weekday(), WEEKDAY)


@dataclass(frozen=True, order=True)
class Period:
    opens: datetime.time
    closes: datetime.time


@dataclass(frozen=True)
class YearlyRange:
    """A closure every year from (month, day) to (month, day), both included."""

    start: tuple[int, int]
    end: tuple[int, int]

    def covers(self, day: datetime.date) -> bool:
        point = (day.month, day.day)
        if self.start <= self.end:
            return self.start <= point <= self.end
        return point >= self.start or point <= self.end  # spans the new year


# The whole day, for schedules that never close: shown as "24 hours".
ALL_DAY = Period(datetime.time.min, datetime.time.max)


@dataclass(frozen=True)
class Schedule:
    weekly: Mapping[str, tuple[Period, ...]] = field(default_factory=dict)
    closures: tuple[YearlyRange, ...] = ()
    exceptions: Mapping[datetime.date, tuple[Period, ...]] = field(default_factory=dict)
    always_open: bool = False

    @classmethod
    def around_the_clock(cls):
        return cls(always_open=True)

    @classmethod
    def build(cls, rules: Iterable, closures: Iterable = (), exceptions: Iterable = ()):
        """From rows: rules have day_type/opens/closes; closures start_month,
        start_day, end_month, end_day; exceptions date, is_closed, opens, closes."""
        weekly: dict[str, list[Period]] = {}
        for rule in rules:
            weekly.setdefault(rule.day_type, []).append(Period(rule.opens, rule.closes))
        dated: dict[datetime.date, list[Period]] = {}
        for exception in exceptions:
            periods = dated.setdefault(exception.date, [])
            if not exception.is_closed and exception.opens and exception.closes:
                periods.append(Period(exception.opens, exception.closes))
        return cls(
            weekly={kind: tuple(sorted(periods)) for kind, periods in weekly.items()},
            closures=tuple(
                YearlyRange((c.start_month, c.start_day), (c.end_month, c.end_day))
                for c in closures
            ),
            exceptions={day: tuple(sorted(periods)) for day, periods in dated.items()},
        )

    def hours_on(self, day: datetime.date) -> tuple[Period, ...]:
        if self.always_open:
            return (ALL_DAY,)
        if day in self.exceptions:
            return self.exceptions[day]
        if any(closure.covers(day) for closure in self.closures):
            return ()
        return self.weekly.get(day_type(day), ())

    def weekly_table(self) -> list[tuple[str, tuple[Period, ...]]]:
        if self.always_open:
            return [(kind, (ALL_DAY,)) for kind in DAY_TYPES]
        return [(kind, self.weekly.get(kind, ())) for kind in DAY_TYPES]


@dataclass(frozen=True)
class OpeningStatus:
    is_open: bool
    # When it closes (if open) or next opens (if closed); None: never (always
    # open), or not within a year (closed).
    next_change: datetime.datetime | None
    today_hours: tuple[Period, ...]
    day: datetime.date


def _at(day: datetime.date, time: datetime.time, zone) -> datetime.datetime:
    return datetime.datetime.combine(day, time, tzinfo=zone)


def status_at(moment: datetime.datetime, schedule: Schedule) -> OpeningStatus:
    """Open or closed at ``moment`` (aware), and when that next changes.

    A place is open from its opening time up to, not including, its closing
    time: at 17:00 a place that closes at 17:00 is closed.
    """
    zone = local_zone()
    local = timezone.localtime(moment, zone)
    today = local.date()
    today_hours = schedule.hours_on(today)
    if schedule.always_open:
        return OpeningStatus(True, None, today_hours, today)
    now = local.time().replace(tzinfo=None)
    for period in today_hours:
        if period.opens <= now < period.closes:
            closes = _closing_after(schedule, today, period)
            return OpeningStatus(True, closes, today_hours, today)
    for offset in range(SEARCH_DAYS):
        day = today + datetime.timedelta(days=offset)
        for period in today_hours if offset == 0 else schedule.hours_on(day):
            if offset or period.opens > now:
                return OpeningStatus(False, _at(day, period.opens, zone), today_hours, today)
    return OpeningStatus(False, None, today_hours, today)


def _closing_after(schedule, day, period) -> datetime.datetime:
    """The end of ``period``, joined with any period that starts as it ends."""
    closes = period.closes
    for later in schedule.hours_on(day):
        if later.opens == closes:
            closes = later.closes
    return _at(day, closes, local_zone())


def describe(status: OpeningStatus) -> str:
    """'Open · closes 17:00' or 'Closed · opens Mon 4 Jan 9:30', in the reader's language."""
    if status.is_open and status.next_change is None:
        return gettext("Open 24 hours")
    if status.is_open:
        closes = timezone.localtime(status.next_change, local_zone()).time()
        return gettext("Open · closes %(time)s") % {"time": l10n.format_time(closes)}
    if status.next_change is None:
        return gettext("Closed")
    return gettext("Closed · opens %(moment)s") % {
        "moment": l10n.format_moment(timezone.localtime(status.next_change, local_zone()))
    }
