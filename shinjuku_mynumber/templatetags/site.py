from functools import lru_cache

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info

from shinjuku_mynumber import page_cache

register = template.Library()


@lru_cache(maxsize=4096)
def _paths_in_every_language(path: str) -> tuple[tuple[str, str], ...]:
    """URL resolving is the costly part of the switcher: do it once per path."""
    return tuple((code, translate_url(path, code)) for code, _name in settings.LANGUAGES)


def page_path(request) -> str:
    """The page's own URL: a variant of it (furigana) names it as `canonical_path`."""
    return getattr(request, "canonical_path", request.path)


@register.simple_tag(takes_context=True)
def language_versions(context):
    """The current page in every language: for the switcher and hreflang links."""
    current = get_language()
    names = dict(settings.LANGUAGES)
    return [
        {
            "code": code,
            "name": names[code],
            "english_name": get_language_info(code)["name"],
            "url": url,
            "is_current": code == current,
        }
        for code, url in _paths_in_every_language(page_path(context["request"]))
    ]


@register.simple_tag
def content_version(*tags):
    """A key part that changes whenever staff edit content with these tags,
    for {% cache %} fragments (see shinjuku_mynumber/page_cache.py)."""
    return page_cache.tag_versions(tags)


@register.simple_tag(takes_context=True)
def absolute_url(context, path=None):
    request = context["request"]
    return request.build_absolute_uri(path or page_path(request))


@register.filter
def text_direction(language_code):
    return "rtl" if get_language_info(language_code).get("bidi") else "ltr"
