from django.conf import settings
from django.db import DatabaseError
from django.utils import translation


class SecurityHeadersMiddleware:
    """Headers Django does not set itself (CSP, HSTS and COOP it does)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


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

            response = error_for(request, 503)
            response["Retry-After"] = "30"
            return response
        return None


def _is_connection_error(exception) -> bool:
    from django.db import InterfaceError, OperationalError

    return isinstance(exception, (OperationalError, InterfaceError))
