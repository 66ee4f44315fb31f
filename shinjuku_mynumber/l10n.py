"""Dates and times formatted for the reader's language.

Weekday and month names come from Django's own translations; the order of
the parts is ours, per language (shinjuku_mynumber/formats/), so that Japanese
readers see "1月4日(月) 9:30" and English readers "Mon 4 Jan 9:30", in the
same style as the plain dates ("4 Jan 2027").
"""

import datetime

from django.utils import dateformat, timezone
from django.utils.formats import get_format_modules
from django.utils.translation import get_language

TIME_FORMAT = "G:i"

# Site languages that are a version of another language, not a language of
# their own: their pages say lang="ja", and they are no hreflang alternate
# (BCP 47 has no tag for easy Japanese; "ja" would duplicate the Japanese page).
HTML_LANG = {"ja-easy": "ja"}


def html_lang(code: str) -> str:
    """The BCP 47 tag for a site language code, for lang and hreflang attributes."""
    return HTML_LANG.get(code, code)


def has_hreflang(code: str) -> bool:
    return code not in HTML_LANG


def _own_format(name, language=None):
    for module in get_format_modules(language or get_language() or "ja"):
        if hasattr(module, name):
            return getattr(module, name)
    return None


def day_format(language=None):
    """The language's DAY_FORMAT (shinjuku_mynumber/formats/<language>/formats.py)."""
    return _own_format("DAY_FORMAT", language) or "D j M"


def _day_format_for(value) -> str:
    """DAY_FORMAT, with our own weekday names where Django has none ("l")."""
    fmt = day_format()
    names = _own_format("WEEKDAY_NAMES")
    if names and "l" in fmt:
        fmt = fmt.replace("l", "".join("\\" + ch for ch in names[value.weekday()]))
    return fmt


def format_day(value: datetime.date) -> str:
    return dateformat.format(value, _day_format_for(value))


def format_moment(value: datetime.datetime) -> str:
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    day = dateformat.format(value, _day_format_for(value))
    return f"{day} {format_time(value.time())}"


def format_time(value: datetime.time) -> str:
    words = _own_format("TIME_WORDS")
    if words:
        # 午前9時30分, 午後5時: twelve-hour, the minutes only when there are some.
        text = f"{words[value.hour >= 12]}{value.hour % 12}時"
        return f"{text}{value.minute}分" if value.minute else text
    return dateformat.time_format(value, TIME_FORMAT)


def format_period(opens: datetime.time, closes: datetime.time) -> str:
    """'9:30-17:00' (en dash), or as the language writes a range (午前9時30分から午後5時まで)."""
    fmt = _own_format("PERIOD_FORMAT") or "{opens}\u2013{closes}"
    return fmt.format(opens=format_time(opens), closes=format_time(closes))
