"""Japanese pages with furigana, under their own prefix: /ja/furigana/<page>.

The prefix, not a query string or cookie, says "with furigana", so the page
caches like any other. This middleware sits inside PageCacheMiddleware: it
serves /ja/furigana/<page> from the view of /ja/<page> (request.path keeps
the furigana URL, so the two are cached apart), annotates the finished HTML
once, and tags it "furigana" so a staff correction of a reading shows at once.
Cached furigana pages are served by the page cache without coming here.

やさしい日本語 pages (/ja-easy/...) always have furigana: every HTML page
under that prefix, error pages too, is annotated here in the same way.
"""

from django.db import DatabaseError
from django.utils.cache import get_conditional_response, set_response_etag

from shinjuku_mynumber import page_cache

from . import readings
from .html import annotate
from .signals import CACHE_TAG

LANGUAGE = "ja"
SEGMENT = "furigana"
PREFIX = f"/{LANGUAGE}/{SEGMENT}/"
EASY_PREFIX = "/ja-easy/"


def furigana_path(plain_path: str) -> str:
    """/ja/sections/x/ -> /ja/furigana/sections/x/"""
    return PREFIX + plain_path.removeprefix(f"/{LANGUAGE}/")


def plain_path(path: str) -> str:
    return f"/{LANGUAGE}/" + path.removeprefix(PREFIX)


class FuriganaMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.furigana = False
        if request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        if request.path_info.startswith(EASY_PREFIX):
            return self._annotated(request, self.get_response(request), "", "", easy=True)
        if not request.path_info.startswith(PREFIX):
            return self.get_response(request)
        request.furigana = True
        request.path_info = plain_path(request.path_info)
        # Canonical and hreflang links name the plain Japanese page.
        request.canonical_path = plain_path(request.path)
        response = self.get_response(request)
        return self._annotated(request, response, f"/{LANGUAGE}/", PREFIX)

    def _annotated(self, request, response, link_from, link_to, easy=False):
        if not _is_html(response, any_status=easy):
            return response
        text = response.content.decode(response.charset)
        response.content = annotate(text, _staff_readings(), link_from, link_to).encode(
            response.charset
        )
        if response.has_header("Content-Length"):
            response["Content-Length"] = str(len(response.content))
        page_cache.add_tags(response, CACHE_TAG)
        if response.has_header("ETag"):
            del response["ETag"]
            set_response_etag(response)
            return (
                get_conditional_response(request, etag=response["ETag"], response=response)
                or response
            )
        return response


def _staff_readings() -> dict[str, str]:
    # An error page while the database is down still gets the dictionary's readings.
    try:
        return readings.staff_readings()
    except DatabaseError:
        return {}


def _is_html(response, any_status=False) -> bool:
    return (
        not response.streaming
        and (any_status or response.status_code in (200, 404))
        and response.get("Content-Type", "").startswith("text/html")
    )
