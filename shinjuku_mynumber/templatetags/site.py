from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info

register = template.Library()


@register.simple_tag(takes_context=True)
def language_versions(context):
    """The current page in every language: for the switcher and hreflang links."""
    request = context["request"]
    current = get_language()
    versions = []
    for code, native_name in settings.LANGUAGES:
        url = translate_url(request.path, code)
        versions.append(
            {
                "code": code,
                "name": native_name,
                "english_name": get_language_info(code)["name"],
                "url": url,
                "absolute_url": request.build_absolute_uri(url),
                "is_current": code == current,
            }
        )
    return versions


@register.simple_tag(takes_context=True)
def absolute_url(context, path=None):
    request = context["request"]
    return request.build_absolute_uri(path or request.path)


@register.filter
def text_direction(language_code):
    return "rtl" if get_language_info(language_code).get("bidi") else "ltr"
