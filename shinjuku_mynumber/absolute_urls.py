"""Absolute URLs (canonical and hreflang links, JSON-LD, open data, robots.txt).

Built from settings.SITE_URL, the site's public address, and never from the
request's Host header when it is set: a forged Host must not change what
cached pages say. Without SITE_URL (development) the request's host is used,
and the page cache then keys pages by host too.
"""

from django.conf import settings


def site_url(request) -> str:
    """'https://mynumber.example.jp', without a trailing slash."""
    return settings.SITE_URL or request.build_absolute_uri("/").rstrip("/")


def absolute_url(request, path: str | None = None) -> str:
    return site_url(request) + (path or request.path)
