"""What every public page shows of the content: the list of sections."""

from django import template

from pages.models import Section
from shinjuku_mynumber.language_columns import only_reader_language

register = template.Library()


@register.simple_tag(takes_context=True)
def published_sections(context):
    """The published sections in the reader's language: one query per request
    (the footer and the home page's contents share it)."""
    request = context.get("request")
    sections = getattr(request, "_published_sections", None)
    if sections is None:
        sections = list(only_reader_language(Section.objects.published()))
        if request is not None:
            request._published_sections = sections
    return sections
