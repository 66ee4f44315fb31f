"""Which page an answer is about: its path without the language prefix.

The form carries the path ("/", "/sections/privacy/"); it counts only when,
with the current language prefix, it resolves to one of the public pages
below. Links back to the page are built from a path that passed this check,
so they never lead off the site.
"""

import re

from django.urls import Resolver404, resolve
from django.utils.translation import get_language

from pages.models import Section

# Public pages that show the survey (URL names, with their namespace).
PUBLIC_PAGES = {
    "pages:home",
    "pages:section",
    "facilities:list",
    "facilities:detail",
    "contacts:list",
}
MAX_LENGTH = 200
_SAFE_PATH = re.compile(r"/(?:[A-Za-z0-9._~-]+/?)*")


def _section_exists(slug):
    return Section.objects.published().filter(slug=slug).exists()


# Pages whose URL can resolve for content that does not exist.
EXISTS = {"pages:section": _section_exists}


def _resolve_public(page: str):
    if not isinstance(page, str) or len(page) > MAX_LENGTH or not _SAFE_PATH.fullmatch(page):
        return None
    try:
        match = resolve(f"/{get_language()}{page}")
    except Resolver404:
        return None
    return match if match.view_name in PUBLIC_PAGES else None


def is_public_page(page: str, check_exists: bool = True) -> bool:
    match = _resolve_public(page)
    if match is None:
        return False
    exists = EXISTS.get(match.view_name)
    return not (check_exists and exists) or exists(**match.kwargs)


def page_of(request) -> str:
    """The current request's path without its language prefix; "" if not a public page."""
    prefix = f"/{get_language()}/"
    # path_info: a page's variants (its furigana URL) are served from its own path.
    if not request.path_info.startswith(prefix):
        return ""
    page = request.path_info[len(prefix) - 1 :]
    # The page is being shown, so it exists: no need to ask the database.
    return page if is_public_page(page, check_exists=False) else ""


def in_current_language(page: str) -> str:
    """The URL of a checked page in the current language."""
    return f"/{get_language()}{page}"
