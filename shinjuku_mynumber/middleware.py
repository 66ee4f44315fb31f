import ipaddress
import logging

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import DatabaseError
from django.http import Http404, HttpResponse
from django.utils import translation

from .client_ip import client_ip

logger = logging.getLogger(__name__)


class StaffLanguageMiddleware:
    """The admin speaks Japanese, the language ward staff work in, whatever
    the browser prefers (the admin is outside the language-prefixed URLs)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith("/admin/"):
            translation.activate(settings.LANGUAGE_CODE)
            request.LANGUAGE_CODE = settings.LANGUAGE_CODE
        return self.get_response(request)


class DatabaseUnavailableMiddleware:
    """Turn a lost database connection into the friendly 503 page, not a 500.

    Cached pages never reach the database, so they keep being served; with
    connection health checks on, the site recovers by itself afterwards.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, DatabaseError) and _is_connection_error(exception):
            from .views import error_for

            logger.warning("Database unavailable for %s: %s", request.path, exception)

            response = error_for(request, 503)
            response["Retry-After"] = "30"
            return response
        return None


def _is_connection_error(exception) -> bool:
    from django.db import InterfaceError, OperationalError

    return isinstance(exception, (OperationalError, InterfaceError))


class AdminNetworksMiddleware:
    """With ADMIN_ALLOWED_NETWORKS set, /admin/ exists only for those networks
    (a 404 elsewhere: nothing to find, nothing to guess at)."""

    def __init__(self, get_response):
        self.get_response = get_response
        try:
            self.networks = [
                ipaddress.ip_network(network, strict=False)
                for network in settings.ADMIN_ALLOWED_NETWORKS
            ]
        except ValueError as error:
            raise ImproperlyConfigured(f"ADMIN_ALLOWED_NETWORKS: {error}") from error

    def __call__(self, request):
        if self.networks and request.path.startswith("/admin/") and not self.allowed(request):
            raise Http404
        return self.get_response(request)

    def allowed(self, request) -> bool:
        try:
            address = ipaddress.ip_address(client_ip(request))
        except ValueError:
            return False
        return any(address in network for network in self.networks)


class RequestBodyLimitMiddleware:
    """Refuse an oversized body from its Content-Length, before anything reads it.

    Only the admin's edit forms take documents (up to REQUEST_MAX_BYTES); the
    sign-in form and the survey take a few kilobytes. Django itself would
    spool a large upload to disk before the CSRF check.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > self.limit(request):
            return HttpResponse(
                "Request body too large.\n", status=413, content_type="text/plain; charset=utf-8"
            )
        return self.get_response(request)

    def limit(self, request) -> int:
        path = request.path
        if path.startswith("/admin/") and not path.startswith("/admin/login/"):
            return settings.REQUEST_MAX_BYTES
        return settings.PUBLIC_REQUEST_MAX_BYTES


class StorageErrorMiddleware:
    """A full disk, or a shared storage that refuses or hangs, while saving an
    upload: a clear page for staff, not a 500.

    The admin saves inside a transaction, so the database is left as it was;
    the storage has stored nothing (storage.py, shared_storage.py).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        from django.template.response import TemplateResponse

        from .storage import StorageFull, StorageUnavailable

        if isinstance(exception, StorageUnavailable) and request.method in ("GET", "HEAD"):
            # A visitor reading a document: the site's own "try again soon" page.
            from .views import error_for

            logger.warning("Document storage unavailable for %s: %s", request.path, exception)
            response = error_for(request, 503)
            response["Retry-After"] = "30"
            return response
        if isinstance(exception, StorageFull):
            template, status = "admin/storage_full.html", 507
        elif isinstance(exception, StorageUnavailable):
            template, status = "admin/storage_unavailable.html", 503
        else:
            return None
        return TemplateResponse(request, template, status=status).render()
