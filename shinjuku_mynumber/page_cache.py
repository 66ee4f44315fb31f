"""A server-side cache of rendered public pages, invalidated by tags.

Each cached page names the content it shows as tags ("nav", "section:about",
"locations"). A page's cache key includes the current version of each of its
tags (and today's date), so bumping a tag on a staff edit (see the apps'
signals.py) makes exactly the pages that show that content miss the cache,
in every language.

Two parts:
- `public_page(tags, timeout)` decorates a view: it sets Cache-Control for
  shared caches and marks the response with its cache key and lifetime.
- `PageCacheMiddleware`, early in MIDDLEWARE, stores the finished response
  (with every header the inner middleware added) and answers later requests
  for the same page from the cache without running the rest of the stack.

Only anonymous GET/HEAD requests without a query string are cached: a
request carrying a session cookie (staff) is rendered fresh and marked private.
"""

import hashlib
import uuid
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import parse_http_date_safe

from . import banners
from .publishing import local_today

TAG_PREFIX = "pagecache:tag:"
PAGE_PREFIX = "pagecache:page:"
ROUTE_PREFIX = "pagecache:route:"
MEMO_PREFIX = "pagecache:memo:"
_MISSING = object()


def invalidate(*tags: str) -> None:
    cache.set_many({TAG_PREFIX + tag: uuid.uuid4().hex for tag in tags}, timeout=None)


def tag_versions(tags):
    keys = [TAG_PREFIX + tag for tag in tags]
    found = cache.get_many(keys)
    missing = {key: uuid.uuid4().hex for key in keys if key not in found}
    if missing:
        cache.set_many(missing, timeout=None)
        found.update(missing)
    # Today's date too: content with "shown from/until" dates changes at midnight.
    return "|".join([*(found[key] for key in keys), local_today().isoformat()])


def remember(name: str, tags, compute, timeout=None):
    """``compute()``, kept in the cache until one of ``tags`` is invalidated.

    For values a page needs outside its cached fragments (its "last updated"
    date, the default inquiry desk), so that a render whose fragments are warm
    runs no query at all. ``name`` must say everything else the value depends
    on (its language, for example).
    """
    key = MEMO_PREFIX + _digest(f"{name}|{tag_versions(tags)}")
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = compute()
        cache.set(key, value, timeout or settings.PAGE_CACHE_SECONDS)
    return value


def is_anonymous(request) -> bool:
    return settings.SESSION_COOKIE_NAME not in request.COOKIES


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def page_key(request, tags) -> str:
    return PAGE_PREFIX + _digest(f"{request.get_full_path()}|{tag_versions(tags)}")


def _cacheable_request(request) -> bool:
    return request.method in ("GET", "HEAD") and is_anonymous(request)


def _storable(request) -> bool:
    # Not with a query string: random ones would only fill the cache.
    return _cacheable_request(request) and not request.META.get("QUERY_STRING")


def public_page(tags, timeout=None, browser_max_age=None):
    """Decorate a view of a public page.

    ``tags`` is a list, or a callable (request, **kwargs) -> list.
    ``timeout`` bounds how long the page may be served from any cache (for
    pages showing "open now" it is a minute); a view may shorten it further
    by setting ``response.cache_timeout``, and add tags in ``response.cache_tags``.
    """

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not _cacheable_request(request):
                response = view(request, *args, **kwargs)
                patch_cache_control(response, private=True, no_cache=True)
                return response
            # Every page shows the emergency banner (see banners.py).
            page_tags = [*(tags(request, **kwargs) if callable(tags) else tags), banners.TAG]
            response = view(request, *args, **kwargs)
            if hasattr(response, "render") and callable(response.render):
                response = response.render()
            lifetime = min(
                getattr(response, "cache_timeout", None) or settings.PAGE_CACHE_SECONDS,
                timeout or settings.PAGE_CACHE_SECONDS,
                # No cache keeps a page past the moment a banner starts or ends.
                banners.seconds_until_change() or settings.PAGE_CACHE_SECONDS,
            )
            max_age = min(browser_max_age or settings.PAGE_BROWSER_MAX_AGE, lifetime)
            patch_cache_control(response, public=True, max_age=max_age, s_maxage=lifetime)
            # A view may name more content it shows (a section embedding locations).
            page_tags += getattr(response, "cache_tags", [])
            if response.status_code == 200 and _storable(request):
                # Stored by PageCacheMiddleware once every header is on it.
                response.page_cache = (page_tags, page_key(request, page_tags), lifetime)
            return response

        return wrapper

    return decorator


class PageCacheMiddleware:
    """Answer anonymous requests for a cached public page straight away."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _storable(request):
            cached = self.from_cache(request)
            if cached is not None:
                return cached
        response = self.get_response(request)
        entry = getattr(response, "page_cache", None)
        if entry and response.status_code == 200 and not response.cookies:
            tags, key, lifetime = entry
            del response.page_cache
            route = ROUTE_PREFIX + _digest(request.get_full_path())
            cache.set_many({key: response, route: tags}, lifetime)
        return response

    def from_cache(self, request):
        tags = cache.get(ROUTE_PREFIX + _digest(request.get_full_path()))
        if tags is None:
            return None
        response = cache.get(page_key(request, tags))
        if response is None:
            return None
        conditional = get_conditional_response(
            request,
            etag=response.headers.get("ETag"),
            last_modified=parse_http_date_safe(response.headers.get("Last-Modified", "")),
            response=response,
        )
        return conditional
