from functools import lru_cache

from django import template
from django.conf import settings
from django.urls import reverse, translate_url
from django.utils import timezone
from django.utils.translation import get_language, get_language_info

from shinjuku_mynumber import absolute_urls
from shinjuku_mynumber.l10n import has_hreflang, html_lang

register = template.Library()


def own_path(request) -> str:
    """The path of the page being shown, for links built from it.

    Only a path that resolved to one of our views is used: an unknown one
    ("//evil.example/", "/%5Cevil.example/") would read as another site in an
    href, so the error page's links point at the home page instead.
    """
    # A variant of a page (furigana) names the page it shows as `canonical_path`.
    path = getattr(request, "canonical_path", request.path)
    if request.resolver_match is None or path.startswith(("//", "/\\")) or "\\" in path:
        return reverse("pages:home")
    return path


@lru_cache(maxsize=4096)
def _paths_in_every_language(path: str) -> tuple[tuple[str, str], ...]:
    """URL resolving is the costly part of the switcher: do it once per path."""
    return tuple((code, translate_url(path, code)) for code, _name in settings.LANGUAGES)


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
            "lang": html_lang(code),
            "alternate": has_hreflang(code),
            "url": url,
            "is_current": code == current,
        }
        for code, url in _paths_in_every_language(own_path(context["request"]))
    ]


@register.simple_tag(takes_context=True)
def absolute_url(context, path=None):
    request = context["request"]
    return absolute_urls.absolute_url(request, path or own_path(request))


@register.filter(name="html_lang")
def html_lang_filter(code):
    """ja-easy -> ja: what a lang attribute says for a site language code."""
    return html_lang(code or "")


@register.simple_tag
def has_alternates():
    """Whether this page takes part in the hreflang alternates (ja-easy does not)."""
    return has_hreflang(get_language() or "")


@register.filter
def machine_datetime(value):
    """A `<time datetime>` value: ISO 8601 in Tokyo time, whole seconds (HTML
    allows at most three decimals, Django's "c" format writes six)."""
    if not value:
        return ""
    return timezone.localtime(value).replace(microsecond=0).isoformat()


@register.inclusion_tag("components/breadcrumbs.html")
def breadcrumbs(*trail):
    """The one breadcrumb trail: `{% breadcrumbs _("Parent") parent_url here %}`.

    Label/URL pairs lead from the home page (always first) to the current page,
    whose label comes last and is not a link.
    """
    *pairs, current = trail
    crumbs = [
        {"label": label, "url": url} for label, url in zip(pairs[::2], pairs[1::2], strict=True)
    ]
    return {"crumbs": crumbs, "current": current}
