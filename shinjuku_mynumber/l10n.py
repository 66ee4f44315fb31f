"""Dates and times formatted for the reader's language.

Weekday and month names come from Django's own translations; the order of
the parts is ours, per language, so that Japanese readers see
"1月4日(月) 9:30" and English readers "Mon 4 Jan 9:30".
"""

import datetime

from django.utils import dateformat, timezone
from django.utils.translation import get_language

# Django date-format strings. D = weekday (abbr.), j = day, n = month number,
# M = month (abbr.), G:i = 24-hour time.
DAY_FORMATS = {
    "ja": "n月j日(D)",
    "en": "D j M",
    "zh-hans": "n月j日(D)",
    "zh-hant": "n月j日(D)",
    "ko": "n월 j일 (D)",
    "vi": "D, j/n",
    "ne": "D, M j",
    "my": "l, j/n",  # Django has no Burmese abbreviations: full weekday, numeric month
    "es": "D j M",
    "pt-br": "D, j M",
}
TIME_FORMAT = "G:i"


def day_format(language=None):
    return DAY_FORMATS.get(language or get_language() or "ja", DAY_FORMATS["en"])


def format_day(value: datetime.date) -> str:
    return dateformat.format(value, day_format())


def format_moment(value: datetime.datetime) -> str:
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return f"{dateformat.format(value, day_format())} {dateformat.format(value, TIME_FORMAT)}"


def format_time(value: datetime.time) -> str:
    return dateformat.time_format(value, TIME_FORMAT)
