"""`{% help_in_person %}`: the main help location and whether it is open now.

Live data: only for pages cached a minute at most (OPEN_STATUS_MAX_AGE).
"""

from django import template

from ..models import Location
from ..views import locations_with_status

register = template.Library()


@register.inclusion_tag("facilities/components/help_in_person.html")
def help_in_person():
    locations, _closures = locations_with_status()
    desks = [loc for loc in locations if loc.kind == Location.Kind.DESK]
    return {
        "main": (desks or locations or [None])[0],
        "open_now": sum(1 for loc in locations if loc.open_status.is_open),
        "total": len(locations),
    }
