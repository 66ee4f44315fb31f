"""Live data a section shows below its text, by the section's `embed` choice.

Kept apart from the views so each app owns the queries for its own data.
"""

from .models import Embed


def embedded_context(section, request) -> dict:
    if section.embed == Embed.LOCATIONS:
        from facilities.embed import context as locations_context

        return locations_context(request)
    if section.embed == Embed.CALL_CENTRES:
        from contacts.embed import context as call_centres_context

        return call_centres_context(request)
    return {}
