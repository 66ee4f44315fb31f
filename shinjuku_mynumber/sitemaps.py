"""The sitemap: every public page in every language, with hreflang alternates
and x-default (the Japanese page, which is authoritative)."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from facilities.models import Location
from pages.models import Section


class MultilingualSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True


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
}
