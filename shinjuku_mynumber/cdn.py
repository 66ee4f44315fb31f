"""Purging a CDN in front of the site by cache tags.

Public pages carry their tags in settings.CACHE_TAG_HEADER; every
invalidation (page_cache.invalidate) sends the same tags to the backend named
by settings.CDN_PURGE_BACKEND:

- `NoPurge` (the default): no CDN, nothing to do;
- `VarnishXkeyPurge`: a `PURGE` request with an `xkey-purge` header to each
  address in settings.CDN_PURGE_URLS (the environment's comma-separated
  `CDN_PURGE_URLS`), as deploy/varnish/default.vcl accepts it.

A purge that fails is logged and does not fail the staff edit: the CDN then
serves the old page until its s-maxage runs out.
"""

import logging
import urllib.error
import urllib.request
from functools import cache

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)


class NoPurge:
    def __init__(self, urls=()):
        pass

    def purge(self, tags) -> None:
        pass


class VarnishXkeyPurge:
    timeout = 2

    def __init__(self, urls=()):
        for url in urls:
            if not url.startswith(("http://", "https://")):
                raise ImproperlyConfigured(f"CDN_PURGE_URLS: not an http(s) address: {url!r}")
        self.urls = list(urls)

    def purge(self, tags) -> None:
        keys = " ".join(sorted(set(tags)))
        for url in self.urls:
            # Only http(s) addresses get here (checked above).
            request = urllib.request.Request(url, method="PURGE", headers={"xkey-purge": keys})  # noqa: S310
            try:
                with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310
                    response.read()
            except (urllib.error.URLError, OSError) as error:
                logger.error("CDN purge of %s at %s failed: %s", keys, url, error)


@cache
def _backend(path: str, urls: tuple[str, ...]):
    return import_string(path)(urls)


def backend():
    return _backend(settings.CDN_PURGE_BACKEND, tuple(settings.CDN_PURGE_URLS))


def purge(tags) -> None:
    backend().purge(tags)
