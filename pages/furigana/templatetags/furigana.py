from django import template
from django.utils.translation import get_language

from shinjuku_mynumber.templatetags.site import own_path

from ..middleware import LANGUAGE, furigana_path

register = template.Library()


@register.inclusion_tag("components/furigana_toggle.html", takes_context=True)
def furigana_toggle(context):
    """The link that switches furigana on or off: on Japanese pages only."""
    request = context["request"]
    if get_language() != LANGUAGE or not request.path.startswith(f"/{LANGUAGE}/"):
        return {"show": False}
    on = getattr(request, "furigana", False)
    # own_path: an unknown path ("//evil.example/") is not echoed into a link.
    plain = own_path(request)
    return {"show": True, "on": on, "url": plain if on else furigana_path(plain)}
