"""The one server-side cache: whole public pages, invalidated by tags.

Each public page names the content it shows as tags ("nav", "section:about",
"locations"). Views say what may be cached, for how long and under which tags
through the response's own headers, the same ones a CDN reads:

- `Cache-Control: public, max-age=<browser>, s-maxage=<shared caches>`;
- the tag header (settings.CACHE_TAG_HEADER, `Surrogate-Key` by default).

`public_page(tags, timeout)` decorates a view and sets both; a view adds tags
or shortens the lifetime with `add_tags()` and `limit_lifetime()`.

`PageCacheMiddleware`, early in MIDDLEWARE, stores finished responses and
answers later requests from the cache without running the rest of the stack.
A page is stored under the versions of its tags *read before it was
rendered*: an edit that lands during a render bumps a version, so the page
rendered from the old data is stored under a key nobody asks for again. The
tags of a path are known from its previous render (the "route" entry), so
the first render of a path only records them.

`invalidate(*tags)` (the apps' signals.py, on every staff edit) bumps tag
versions, so exactly the pages that show that content miss, in every
language, on every server sharing the cache; the CDN is purged by the same
tags (shinjuku_mynumber/cdn.py).

What is never served from the cache: requests with a real staff session
(a stray cookie does not count), other methods than GET/HEAD, hosts not in
ALLOWED_HOSTS, and query strings a view reads (others are ignored: they
change nothing on the page, so they cost no render).
"""

import datetime
import hashlib
import logging
import math
import threading
import time
import uuid
from functools import wraps
from importlib import import_module

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.db import DatabaseError, connection, transaction
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import parse_http_date_safe

from . import banners, cdn
from .publishing import local_today

logger = logging.getLogger(__name__)

TAG_PREFIX = "pagecache:tag:"
PAGE_PREFIX = "pagecache:page:"
ROUTE_PREFIX = "pagecache:route:"
ROUTE_SECONDS = 24 * 3600

# Tags whose new versions could not be written (the cache was down): written
# again before this process answers its next request.
_pending_lock = threading.Lock()
_pending: set[str] = set()


# --- Tags ------------------------------------------------------------------


def invalidate(*tags: str) -> None:
    """Make every page showing one of `tags` miss, here and in the CDN.

    Done at once and again when the transaction commits: a page rendered in
    between, from data not yet committed, must not stay cached.
    """
    if not tags:
        return
    _bump(tags)
    if connection.in_atomic_block:
        transaction.on_commit(lambda: _bump(tags))


def _bump(tags) -> None:
    failed = cache.set_many({TAG_PREFIX + tag: uuid.uuid4().hex for tag in tags}, timeout=None)
    if failed:
        logger.warning("Page cache invalidation postponed (cache unavailable): %s", tags)
        with _pending_lock:
            _pending.update(tags)
    cdn.purge(tags)


def _retry_pending() -> None:
    with _pending_lock:
        tags = sorted(_pending)
        _pending.clear()
    if tags:
        _bump(tags)


def tag_versions(tags) -> str:
    keys = [TAG_PREFIX + tag for tag in sorted(set(tags))]
    found = cache.get_many(keys)
    for key in keys:
        if key not in found:
            # A new version; `add` so that two processes agree on it.
            cache.add(key, uuid.uuid4().hex, timeout=None)
    missing = [key for key in keys if key not in found]
    if missing:
        found.update(cache.get_many(missing))
    if any(key not in found for key in keys):
        return ""  # the cache is unavailable: nothing can be stored or found
    # Today's date too: content with "shown from/until" dates changes at midnight.
    return "|".join([*(found[key] for key in keys), local_today().isoformat()])


# --- What views say about their responses (headers only) --------------------


def _tag_separator() -> str:
    # Cloudflare's and Akamai's Cache-Tag takes commas; Surrogate-Key spaces.
    return "," if settings.CACHE_TAG_HEADER.lower() == "cache-tag" else " "


def tags_of(response) -> list[str]:
    raw = response.headers.get(settings.CACHE_TAG_HEADER, "")
    return [tag for tag in raw.replace(",", " ").split() if tag]


def add_tags(response, *tags: str) -> None:
    merged = list(dict.fromkeys([*tags_of(response), *tags]))
    response.headers[settings.CACHE_TAG_HEADER] = _tag_separator().join(merged)


def _cache_control(response) -> dict[str, str | bool]:
    directives = {}
    for part in response.headers.get("Cache-Control", "").split(","):
        name, _, value = part.strip().partition("=")
        if name:
            directives[name.lower()] = value or True
    return directives


def shared_lifetime(response, *, public=True) -> int:
    """Seconds a shared cache may keep the response (0: not at all).
    With public=False: what the view asked for before it was made public."""
    directives = _cache_control(response)
    if public and "public" not in directives:
        return 0
    if {"private", "no-store", "no-cache"} & directives.keys():
        return 0
    try:
        return int(directives.get("s-maxage") or directives.get("max-age") or 0)
    except ValueError:
        return 0


def limit_lifetime(response, seconds: int) -> None:
    """Keep the page in shared caches for at most `seconds` (it shows "open now")."""
    current = shared_lifetime(response, public=False) or seconds
    patch_cache_control(response, s_maxage=min(current, seconds))


def seconds_until_tomorrow() -> int:
    """Content has "shown from/until" dates: no cache keeps a page past midnight."""
    now = timezone.localtime()
    midnight = datetime.datetime.combine(
        now.date() + datetime.timedelta(days=1), datetime.time(), now.tzinfo
    )
    return max(1, math.ceil((midnight - now).total_seconds()))


def public_page(tags, timeout=None, browser_max_age=None, query=()):
    """Decorate the view of a public page.

    ``tags`` is a list, or a callable (request, **kwargs) -> list.
    ``timeout`` bounds how long shared caches keep it (default
    settings.PAGE_CACHE_SECONDS); the view may shorten it with
    `limit_lifetime()` and add tags with `add_tags()`.
    ``query`` names the query parameters the view reads: other query strings
    are answered with the page as if they were absent.
    Only 200 answers are public; anything else is private.
    """

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            response = view(request, *args, **kwargs)
            if hasattr(response, "render") and callable(response.render):
                response = response.render()
            if response.status_code != 200 or is_staff(request):
                response.headers.pop(settings.CACHE_TAG_HEADER, None)
                patch_cache_control(response, private=True, no_cache=True)
                return response
            # Every page shows the emergency banner (see banners.py).
            page_tags = [*(tags(request, **kwargs) if callable(tags) else tags), banners.TAG]
            add_tags(response, *page_tags)
            lifetime = min(
                shared_lifetime(response, public=False) or settings.PAGE_CACHE_SECONDS,
                timeout or settings.PAGE_CACHE_SECONDS,
                seconds_until_tomorrow(),
                # No cache keeps a page past the moment a banner starts or ends.
                banners.seconds_until_change(request) or settings.PAGE_CACHE_SECONDS,
            )
            max_age = min(browser_max_age or settings.PAGE_BROWSER_MAX_AGE, lifetime)
            patch_cache_control(response, public=True, max_age=max_age, s_maxage=lifetime)
            return response

        wrapper.page_query_params = tuple(query)
        return wrapper

    return decorator


# --- Who is served from the cache ------------------------------------------


def is_staff(request) -> bool:
    """A request with a real, logged-in session (only staff can log in).

    A cookie alone proves nothing: junk `sessionid` cookies must not turn
    every request into a render.
    """
    known = getattr(request, "_page_cache_staff", None)
    if known is not None:
        return known
    key = request.COOKIES.get(settings.SESSION_COOKIE_NAME)
    staff = False
    if key:
        store = import_module(settings.SESSION_ENGINE).SessionStore(key)
        try:
            staff = bool(store.get("_auth_user_id"))
        except DatabaseError:
            staff = False
    request._page_cache_staff = staff
    return staff


def _origin(request) -> str:
    # Absolute URLs on pages come from SITE_URL when it is set; otherwise
    # from the request, so the host must be part of the key.
    return "" if settings.SITE_URL else f"{request.scheme}://{request.get_host()}"


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


class PageCacheMiddleware:
    """Answer requests for a cached public page straight away; store pages."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _pending:
            _retry_pending()
        if request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        try:
            origin = _origin(request)
        except DisallowedHost:
            return self.get_response(request)  # answered 400 by the stack
        route_key = ROUTE_PREFIX + _digest(f"{origin}|{request.path}")
        route = cache.get(route_key)
        versions = ""
        reads_query = route is not None and set(route["query"]) & request.GET.keys()
        if route is not None and not reads_query and not is_staff(request):
            versions = tag_versions(route["tags"])
            if versions:
                page_key = PAGE_PREFIX + _digest(f"{origin}|{request.path}|{versions}")
                entry = cache.get(page_key)
                if entry is not None:
                    stored_at, cached = entry
                    # Shared caches in front count the lifetime from the render.
                    cached.headers["Age"] = str(max(0, int(time.time() - stored_at)))
                    if not settings.CDN_IN_FRONT:
                        cached.headers.pop(settings.CACHE_TAG_HEADER, None)
                    return self.answer_from_cache(request, cached)
        response = self.get_response(request)
        self.store(request, response, route, route_key, versions, reads_query, origin)
        if not settings.CDN_IN_FRONT:
            response.headers.pop(settings.CACHE_TAG_HEADER, None)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        # None: not a public page (its view is not decorated by public_page).
        request._page_query_params = getattr(view_func, "page_query_params", None)

    def store(self, request, response, route, route_key, versions, reads_query, origin):
        lifetime = shared_lifetime(response)
        query = getattr(request, "_page_query_params", None)
        if response.status_code != 200 or not lifetime or response.cookies or query is None:
            return
        tags = sorted(set(tags_of(response)))
        if not tags:
            return
        if route is None or sorted(route["tags"]) != tags or list(route["query"]) != list(query):
            cache.set(route_key, {"tags": tags, "query": list(query)}, ROUTE_SECONDS)
            return  # the next render reads these tags' versions first
        if versions and not reads_query and not is_staff(request):
            page_key = PAGE_PREFIX + _digest(f"{origin}|{request.path}|{versions}")
            cache.set(page_key, (time.time(), response), lifetime)

    def answer_from_cache(self, request, response):
        return get_conditional_response(
            request,
            etag=response.headers.get("ETag"),
            last_modified=parse_http_date_safe(response.headers.get("Last-Modified", "")),
            response=response,
        )
