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
    return ", ".join(
        f"{l10n.format_time(p.opens)}\u2013{l10n.format_time(p.closes)}" for p in value
    )
