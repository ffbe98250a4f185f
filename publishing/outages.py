"""What a visitor gets when a backend is down: 503 with Retry-After, never a 500.

Pages already in the cache are still answered (publishing/cache.py); anything that needs the database
while it cannot be reached answers 503 in the site's layout, and the API answers JSON.
"""

import logging

from django.conf import settings
from django.db import DatabaseError, DataError, IntegrityError, NotSupportedError, ProgrammingError
from django.http import JsonResponse
from django.utils.translation import gettext as _

from publishing.views import render_error_page

logger = logging.getLogger(__name__)

API_PREFIX = "/api/"


def is_api_path(path_info):
    """Whether an address is the API's (``/api`` itself too), which answers JSON, errors included."""
    path = path_info.lower()
    return path.startswith(API_PREFIX) or path == API_PREFIX.rstrip("/")


def service_unavailable(request):
    """503 in the layout (JSON for the API), telling clients when to try again."""
    if is_api_path(request.path_info):
        response = JsonResponse(
            {"error": _("The service is unavailable for a moment. Please try again shortly.")}, status=503
        )
    else:
        # The template needs no database: it is what visitors see while the database is down.
        response = render_error_page(request, "503.html", status=503)
    response["Retry-After"] = str(settings.RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


class ServiceUnavailableMiddleware:
    """A view that fails because the database cannot be reached answers 503, not 500."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, DatabaseError) and not _is_programming_error(exception):
            logger.warning("Database unavailable while answering %s: %s", request.path, exception)
            return service_unavailable(request)
        return None


def _is_programming_error(exception):
    # Errors in our own queries (a bad column, a constraint) are bugs: they must stay 500s and be seen.
    return isinstance(exception, (DataError, IntegrityError, NotSupportedError, ProgrammingError))
