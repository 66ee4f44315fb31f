"""Opening hours for the reader: status sentences and time ranges."""

from django import template
from django.utils.translation import gettext

from shinjuku_mynumber import l10n

from .. import hours

register = template.Library()


@register.filter
def status_text(status):
    """'Open · closes 17:00' / 'Closed · opens Mon 4 Jan 9:30'."""
    return hours.describe(status)


@register.filter
def periods(value):
    """'9:30-17:30' (with an en dash), several joined by commas, or 'Closed'."""
    if not value:
        return gettext("Closed")
    if tuple(value) == (hours.ALL_DAY,):
        return gettext("24 hours")
    return ", ".join(l10n.format_period(p.opens, p.closes) for p in value)


@register.filter
def period(opens, closes):
    """One range: '9:30-17:00' (en dash) (午前9時30分から午後5時まで in やさしい日本語)."""
    return l10n.format_period(opens, closes)
