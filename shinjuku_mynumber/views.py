"""Site-wide views: health check, robots.txt, favicon and the error pages."""

import logging

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import HttpResponse, HttpResponsePermanentRedirect, JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from .absolute_urls import absolute_url

logger = logging.getLogger(__name__)


def _cache_answers() -> bool:
    check = getattr(cache, "is_available", None)  # the Redis backend's real round trip
    if check is not None:
        return check()
    try:
        cache.set("healthz", "ok", 10)
        return cache.get("healthz") == "ok"
    except Exception:
        logger.exception("Health check: cache unavailable")
        return False


@never_cache
@require_safe
def healthz(request):
    """200 while pages can be served: a cache that is down only makes the site
    slower ("degraded"), a database that is down makes it fail (503)."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as exc:
        logger.error("Health check: database unavailable: %s", exc)
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    if not _cache_answers():
        return JsonResponse({"status": "degraded", "database": "ok", "cache": "unavailable"})
    return JsonResponse({"status": "ok", "database": "ok", "cache": "ok"})


@require_safe
def robots_txt(request):
    sitemap_url = absolute_url(request, reverse("sitemap"))
    body = f"User-agent: *\nDisallow: /admin/\nDisallow: /api/\n\nSitemap: {sitemap_url}\n"
    response = HttpResponse(body, content_type="text/plain; charset=utf-8")
    response["Cache-Control"] = "public, max-age=86400"
    return response


@require_safe
def favicon(request):
    return HttpResponsePermanentRedirect(static("favicon.svg"))


def error_page(request, status, title, message, template="errors/error.html"):
    context = {"status": status, "title": title, "message": message}
    response = render(request, template, context, status=status)
    response["Cache-Control"] = "no-store"
    return response


def _messages():
    from django.utils.translation import gettext_lazy as _

    return {
        400: (_("Bad request"), _("The request could not be understood. Please check it and try again.")),
        403: (_("Access denied"), _("You do not have permission to see this page.")),
        404: (_("Page not found"), _("The page you are looking for could not be found. It may have moved.")),
        429: (_("Too many requests"), _("You have sent too many requests. Please wait a few minutes and try again.")),
        500: (_("Something went wrong"), _("An error occurred on our side. Please try again later.")),
        503: (_("Service temporarily unavailable"), _("The site is temporarily unavailable. Please try again in a few minutes.")),
    }  # fmt: skip


def error_for(request, status):
    title, message = _messages()[status]
    return error_page(request, status, title, message)


def bad_request(request, exception=None):
    return error_for(request, 400)


def permission_denied(request, exception=None):
    return error_for(request, 403)


def csrf_failure(request, reason=""):
    return error_for(request, 403)


def page_not_found(request, exception=None):
    return error_for(request, 404)


def server_error(request):
    return error_for(request, 500)
