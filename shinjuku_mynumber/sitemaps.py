from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from facilities.sitemaps import HelpPagesSitemap, LocationSitemap
from pages.models import Section


class SectionSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    changefreq = "monthly"

    def items(self):
        return Section.objects.published()

    def lastmod(self, item):
        return item.modified


class StaticViewSitemap(Sitemap):
    """Pages that are not sections: the home page and the location pages."""

    i18n = True
    alternates = True
    x_default = True
    changefreq = "weekly"

    def items(self):
        return ["pages:home"]

    def location(self, item):
        return reverse(item)


sitemaps = {
    "static": StaticViewSitemap,
    "sections": SectionSitemap,
    "help": HelpPagesSitemap,
    "locations": LocationSitemap,
}
