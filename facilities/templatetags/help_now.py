"""`{% help_in_person %}`: the main help location and whether it is open now.

Pages showing it carry the tag "locations" and are cached a minute at most,
so the status follows the clock and an edit shows at once.
"""

from django import template
from django.utils import timezone

from ..models import Location, attach_status, yearly_closures

register = template.Library()


@register.inclusion_tag("facilities/components/help_in_person.html", takes_context=True)
def help_in_person(context):
    closures = yearly_closures(context.get("request"))
    day = timezone.localdate()
    locations = attach_status(
        Location.objects.published(on=day).for_summary(on=day), closures=closures
    )
    desks = [loc for loc in locations if loc.kind == Location.Kind.DESK]
    return {
        "main": (desks or locations or [None])[0],
        "open_now": sum(1 for loc in locations if loc.open_status.is_open),
        "total": len(locations),
    }
