"""What staff call the page an answer is about: its title in Japanese, not its URL.

Answers store a path ("/sections/privacy/"); the results page shows the
section's title, the location's name or the list page's name, in Japanese
whatever the language of the answer. A path that no longer resolves (a
section since removed) keeps its path as its title.
"""

from django.urls import Resolver404, resolve
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

# Pages without a record of their own: the same words as their <h1>.
FIXED_TITLES = {
    "pages:home": _("The Social Security and Tax Number System (My Number system)"),
    "facilities:list": _("Support desk and Mynaportal terminals"),
    "contacts:list": _("Call centres"),
}
# Pages named by a record: URL name -> (model label, title field).
RECORD_TITLES = {
    "pages:section": ("pages.Section", "title_ja"),
    "facilities:detail": ("facilities.Location", "name_ja"),
}


def page_titles(paths) -> dict[str, str]:
    """Japanese titles for survey paths, one query per kind of record."""
    from django.apps import apps

    titles, wanted = {}, {}
    with override("ja"):
        for page in paths:
            try:
                match = resolve(f"/ja{page}")
            except Resolver404:
                titles[page] = page
                continue
            if match.view_name in FIXED_TITLES:
                titles[page] = str(FIXED_TITLES[match.view_name])
            elif match.view_name in RECORD_TITLES:
                wanted.setdefault(match.view_name, {})[match.kwargs["slug"]] = page
            else:
                titles[page] = page
        for view_name, by_slug in wanted.items():
            label, field = RECORD_TITLES[view_name]
            model = apps.get_model(label)
            found = dict(model._base_manager.filter(slug__in=by_slug).values_list("slug", field))
            for slug, page in by_slug.items():
                titles[page] = found.get(slug) or page
    return titles
