"""What every public page shows of the content: the list of sections."""

from django import template

from pages.models import Section
from shinjuku_mynumber.language_columns import only_reader_language
from shinjuku_mynumber.read_once import once_per_request

register = template.Library()


def sections_of(request):
    """The published sections in the reader's language: one query per request
    (the header, the footer and the home page's lists share it)."""
    return once_per_request(
        request, "sections", lambda: list(only_reader_language(Section.objects.published()))
    )


@register.simple_tag(takes_context=True)
def published_sections(context):
    return sections_of(context.get("request"))
