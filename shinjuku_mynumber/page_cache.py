"""A server-side cache of rendered public pages, invalidated by tags.

Each cached page names the content it shows as tags ("nav", "section:about",
"locations"). A page's cache key includes the current version of each of its
tags, so bumping a tag (on any staff edit, see pages/signals.py) makes
exactly the pages that show that content miss the cache, in every language.

Only anonymous GET/HEAD requests are cached: a request carrying a session
cookie (staff) is rendered fresh and marked private.
"""

import hashlib
import uuid
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.utils.cache import patch_cache_control

from .publishing import local_today

TAG_PREFIX = "pagecache:tag:"
PAGE_PREFIX = "pagecache:page:"


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


def is_anonymous(request) -> bool:
    return settings.SESSION_COOKIE_NAME not in request.COOKIES


def public_page(tags, timeout=None, browser_max_age=None):
    """Decorate a view of a public page.

    ``tags`` is a list, or a callable (request, **kwargs) -> list.
    ``timeout`` bounds how long the page may be served from any cache (for
    pages showing "open now" it is a minute).
    """

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.method not in ("GET", "HEAD") or not is_anonymous(request):
                response = view(request, *args, **kwargs)
                patch_cache_control(response, private=True, no_cache=True)
                return response
            page_tags = tags(request, **kwargs) if callable(tags) else tags
            versions = tag_versions(page_tags)
            digest = hashlib.sha256(f"{request.get_full_path()}|{versions}".encode()).hexdigest()
            key = PAGE_PREFIX + digest
            response = cache.get(key)
            if response is None:
                response = view(request, *args, **kwargs)
                if hasattr(response, "render") and callable(response.render):
                    response = response.render()
                # A view may shorten the lifetime (pages that show "open now").
                response.cache_timeout = min(
                    getattr(response, "cache_timeout", None) or settings.PAGE_CACHE_SECONDS,
                    timeout or settings.PAGE_CACHE_SECONDS,
                )
                if response.status_code == 200 and not response.cookies:
                    cache.set(key, response, response.cache_timeout)
            lifetime = response.cache_timeout
            max_age = min(browser_max_age or settings.PAGE_BROWSER_MAX_AGE, lifetime)
            patch_cache_control(response, public=True, max_age=max_age, s_maxage=lifetime)
            return response

        return wrapper

    return decorator
