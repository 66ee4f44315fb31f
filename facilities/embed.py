"""Locations shown below a section's text (the section's embed = "locations")."""

from .views import grouped_by_kind, locations_with_status


def context(request) -> dict:
    locations, closures = locations_with_status()
    return {
        "embed_template": "facilities/components/locations_embed.html",
        "embed_location_groups": grouped_by_kind(locations),
        "embed_closures": closures,
    }
