"""The sitemap: every public page in every language, with hreflang alternates
and x-default (the Japanese page, which is authoritative).

やさしい日本語 pages are listed too, each on its own: they are no hreflang
alternate (no language tag says "easy Japanese"; "ja" would duplicate the
Japanese page), so they name no alternates and none name them.
"""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from facilities.models import Location
from pages.models import Section
from shinjuku_mynumber.l10n import has_hreflang

ALTERNATE_LANGUAGES = [code for code, _name in settings.LANGUAGES if has_hreflang(code)]
OWN_LANGUAGES = [code for code, _name in settings.LANGUAGES if not has_hreflang(code)]


class MultilingualSitemap(Sitemap):
    i18n = True
    languages = ALTERNATE_LANGUAGES
    alternates = True
    x_default = True


def own_versions(sitemap):
    """The same pages in the languages without hreflang (ja-easy), no alternates."""
    return type(
        f"Own{sitemap.__name__}",
        (sitemap,),
        {"languages": OWN_LANGUAGES, "alternates": False, "x_default": False},
    )


class NamedPagesSitemap(MultilingualSitemap):
    """Pages that are not records: the home page, the locations list, call centres."""

    changefreq = "weekly"

    def items(self):
        return ["pages:home", "facilities:list", "contacts:list"]

    def location(self, item):
        return reverse(item)


class SectionSitemap(MultilingualSitemap):
    changefreq = "monthly"

    def items(self):
        return Section.objects.published()

    def lastmod(self, item):
        return item.modified


class LocationSitemap(MultilingualSitemap):
    changefreq = "weekly"

    def items(self):
        return Location.objects.published()

    def lastmod(self, item):
        return item.modified


sitemaps = {
    "pages": NamedPagesSitemap,
    "sections": SectionSitemap,
    "locations": LocationSitemap,
    "pages-ja-easy": own_versions(NamedPagesSitemap),
    "sections-ja-easy": own_versions(SectionSitemap),
    "locations-ja-easy": own_versions(LocationSitemap),
}
