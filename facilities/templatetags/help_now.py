"""`{% help_in_person %}`: the main help location and whether it is open now.

Pages showing it carry the tag "locations" and are cached a minute at most,
so the status follows the clock and an edit shows at once.
"""

from django import template
from django.utils import timezone

from shinjuku_mynumber.language_columns import only_reader_language

from ..models import Location, YearlyClosure, attach_status

register = template.Library()


def _locations_and_closures():
    day = timezone.localdate()
    # Only what the summary shows: no services, items to bring or addresses.
    locations = only_reader_language(
        Location.objects.published(on=day), "slug", "kind", "name", "observes_yearly_closures"
    )
    return (
        list(locations.with_schedule(on=day)),
        list(YearlyClosure.objects.all()),
    )


@register.inclusion_tag("facilities/components/help_in_person.html")
def help_in_person():
    locations, closures = _locations_and_closures()
    locations = attach_status(locations, closures=closures)
    desks = [loc for loc in locations if loc.kind == Location.Kind.DESK]
    return {
        "main": (desks or locations or [None])[0],
        "open_now": sum(1 for loc in locations if loc.open_status.is_open),
        "total": len(locations),
    }
