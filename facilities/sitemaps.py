"""Sitemaps of the location and call-centre pages, for shinjuku_mynumber/sitemaps.py."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Location


class LocationSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    changefreq = "weekly"

    def items(self):
        return Location.objects.published()

    def lastmod(self, item):
        return item.modified


class HelpPagesSitemap(Sitemap):
    """The list of locations and the call-centre page."""

    i18n = True
    alternates = True
    x_default = True
    changefreq = "weekly"

    def items(self):
        return ["facilities:list", "contacts:list"]

    def location(self, item):
        return reverse(item)
