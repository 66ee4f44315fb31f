"""Published locations as public pages show them: with their status now,
grouped by kind."""

from django.utils import timezone

from . import hours
from .models import Location, attach_status, yearly_closures


def grouped_by_kind(locations):
    groups = []
    for kind, label in Location.Kind.choices:
        members = [loc for loc in locations if loc.kind == kind]
        if members:
            # A phone note shared by several locations is shown once for the group.
            notes = {loc.phone_note_ja: loc for loc in reversed(members) if loc.phone_note_ja}
            groups.append(
                {
                    "kind": kind,
                    "label": label,
                    "locations": members,
                    "phone_notes": list(reversed(notes.values())),
                }
            )
    return groups


def published_locations(moment):
    """(locations published at `moment` with their hours, the yearly closures)."""
    closures = yearly_closures()
    day = timezone.localtime(moment, hours.local_zone()).date()
    return Location.objects.published(on=day).with_details(on=day), closures


def locations_with_status(moment=None):
    """Published locations with their status attached: a fixed number of queries."""
    moment = moment or timezone.now()
    locations, closures = published_locations(moment)
    return attach_status(locations, moment, closures), closures
