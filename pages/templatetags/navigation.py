"""What every public page shows of the content: the list of sections."""

from django import template

from pages.models import Section
from shinjuku_mynumber.language_columns import only_reader_language

register = template.Library()


def sections_of(request):
    """The published sections in the reader's language: one query per request
    (the header, the footer and the home page's lists share it)."""
    sections = getattr(request, "_published_sections", None)
    if sections is None:
        sections = list(only_reader_language(Section.objects.published()))
        if request is not None:
            request._published_sections = sections
    return sections


@register.simple_tag(takes_context=True)
def published_sections(context):
    return sections_of(context.get("request"))
