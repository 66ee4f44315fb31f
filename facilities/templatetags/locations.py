"""Locations shown below a section's text (the section's embed = "locations")."""

from django import template

from facilities.listing import grouped_by_kind, locations_with_status

register = template.Library()


@register.inclusion_tag("facilities/components/locations_embed.html", takes_context=True)
def locations_embed(context):
    """Live: rendered with the page, never kept longer than the page's minute."""
    locations, closures = locations_with_status()
    return {
        **context.flatten(),
        "embed_location_groups": grouped_by_kind(locations),
        "embed_closures": closures,
    }
