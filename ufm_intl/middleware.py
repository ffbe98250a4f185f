import base64
import hashlib
import logging
import re

from csp.utils import build_policy
from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponseServerError
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django_permissions_policy import PermissionsPolicyMiddleware

from publishing.api import error as api_error
from publishing.outages import is_api_path
from publishing.redirects import page_at
from publishing.views import render_error_page
from ufm_intl.login import two_factor_required

logger = logging.getLogger(__name__)


class HeadWithoutBodyMiddleware:
    """Outermost: an answer to HEAD carries the headers of the GET answer, Content-Length included, and no
    body. Django leaves that to the server; gunicorn drops the body but logs a warning for every HEAD
    request (monitoring makes many)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method == "HEAD":
            if response.streaming:
                response.streaming_content = []
            else:
                length = len(response.content)
                response.content = b""
                response.setdefault("Content-Length", str(length))
        return response


class LastResortMiddleware:
    """Outermost but one: every answer carries the security headers, whichever layer made it.

    The headers are added by middleware in the middle of the stack, so an answer made further out (a
    503 from the page cache, a 500 for an error in an outer layer) would pass none of them. And if the
    500 page itself cannot be rendered, the error would escape to the application server, which
    answers with its own bare page; here it becomes a plain 500 page with the headers instead.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        headers = {
            "Content-Security-Policy": build_policy(),
            "X-Frame-Options": settings.X_FRAME_OPTIONS,
            "Referrer-Policy": settings.SECURE_REFERRER_POLICY,
            "Cross-Origin-Opener-Policy": settings.SECURE_CROSS_ORIGIN_OPENER_POLICY,
            "Permissions-Policy": PermissionsPolicyMiddleware(get_response).permissions_policy,
        }
        if settings.SECURE_CONTENT_TYPE_NOSNIFF:
            headers["X-Content-Type-Options"] = "nosniff"
        self.headers = {name: value for name, value in headers.items() if value}

    def __call__(self, request):
        try:
            response = self.get_response(request)
        except Exception:
            logger.exception("The error page could not be rendered for %s", request.path)
            response = HttpResponseServerError(
                '<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title></head>'
                "<body><h1>{title}</h1><p>{text}</p></body></html>".format(
                    title=_("Sorry, there is a problem with the service"),
                    text=_("Please try again later. The problem has been logged."),
                )
            )
        for header, value in self.headers.items():
            response.setdefault(header, value)
        return response


# simple-history's history page and restore form: /admin/<app>/<model>/<object id>/history/[<history id>/]
_HISTORY = re.compile(r"^/admin/[^/]+/[^/]+/([^/]+)/history/(?:([^/]+)/)?$")
# Every key is a whole number that a 64-bit column holds: at most 18 digits.
_KEY = re.compile(r"^[0-9]{1,18}$")


class RejectUnusableInputMiddleware:
    """Input no view can use is refused before it reaches one, rather than failing deep inside.

    - A NUL byte in the path, the query string, a header or posted form data answers 400: PostgreSQL
      cannot store or even compare text holding one, so it would otherwise be a 500 wherever the value
      meets a query (admin filters and search, autocomplete, login).
    - A cookie holding a NUL byte is ignored, and a session cookie of that kind is deleted, so that a
      browser sent such a cookie is not locked out of the site until it expires.
    - A history page or version whose object or version is not a number a key can be ("abc", 30 digits)
      answers 404 (simple-history would fail on it).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        dropped_session = self._drop_unusable_cookies(request)
        if (
            "\x00" in request.path_info
            or self._query_has_nul(request.META.get("QUERY_STRING", ""))
            or any("\x00" in value for key, value in request.META.items() if key.startswith("HTTP_"))
            or (request.method == "POST" and self._form_has_nul(request))
        ):
            return self.bad_request(request)
        history = _HISTORY.match(request.path_info)
        if history and not all(_KEY.match(key) for key in history.groups() if key is not None):
            self.use_visitors_language(request)
            raise Http404("No such version")
        response = self.get_response(request)
        if dropped_session:
            response.delete_cookie(
                settings.SESSION_COOKIE_NAME,
                path=settings.SESSION_COOKIE_PATH,
                domain=settings.SESSION_COOKIE_DOMAIN,
                samesite=settings.SESSION_COOKIE_SAMESITE,
            )
        return response

    def bad_request(self, request):
        self.use_visitors_language(request)
        # Django's own message, as its forms give it for a NUL byte in a field.
        message = _("Null characters are not allowed.")
        if is_api_path(request.path_info):
            return api_error(message)
        return render_error_page(request, "400.html", {"error": message}, status=400)

    @staticmethod
    def use_visitors_language(request):
        # Answered before LocaleMiddleware runs: the error page is in the visitor's language all the same.
        translation.activate(translation.get_language_from_request(request, check_path=True))

    @staticmethod
    def _form_has_nul(request):
        return any("\x00" in key or any("\x00" in value for value in values) for key, values in request.POST.lists())

    @staticmethod
    def _query_has_nul(query):
        return "\x00" in query or "%00" in query

    @staticmethod
    def _drop_unusable_cookies(request):
        unusable = [name for name, value in request.COOKIES.items() if "\x00" in name or "\x00" in value]
        for name in unusable:
            del request.COOKIES[name]
        return settings.SESSION_COOKIE_NAME in unusable


class ReadOnlyPagesMiddleware:
    """The site's pages only show content: a request that sends something to one (POST, PUT, DELETE…)
    answers 405 in the layout, naming the methods its pages take, rather than the error of a form that
    came back without its security token. The admin and the language switch take forms; the API answers
    for itself (JSON)."""

    FORM_PREFIXES = ("/admin/", "/i18n/")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            request.method in ("GET", "HEAD", "OPTIONS")
            or request.path_info.startswith(self.FORM_PREFIXES)
            or is_api_path(request.path_info)
        ):
            return self.get_response(request)
        if not page_at(request.path):
            raise Http404("No page has this address")
        response = render_error_page(request, "405.html", status=405)
        response["Allow"] = "GET, HEAD"
        return response


class StaticFrameOptionsMiddleware:
    """X-Frame-Options on static files too: Django's clickjacking middleware only covers views."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("X-Frame-Options", settings.X_FRAME_OPTIONS)
        return response


class EnforceStaffOTPMiddleware:
    """Where two-factor is required (OTP_REQUIRED_FOR_STAFF, OTP_REQUIRED_FOR_SUPERUSERS), a session
    without a verified code is ended.

    The login form already asks those users for the code; this catches sessions that began otherwise
    (before the setting was switched on, for example).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith("/admin/"):
            user = request.user
            if user.is_authenticated and two_factor_required(user) and not user.is_verified():
                logout(request)
                return redirect_to_login(request.get_full_path(), reverse("admin:login"))
        return self.get_response(request)


_IMPORTMAP = re.compile(rb'<script type="importmap">(.*?)</script>', re.S)


class AllowImportMapMiddleware:
    """Let the admin's rich-text editor load under a CSP that forbids inline script.

    The editor's scripts are ES modules resolved through an inline import map. Rather than allowing
    inline script, the exact import map on the page is allowed by its hash, page by page.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        content_type = response.get("Content-Type", "")
        if not request.path.startswith("/admin/") or response.streaming or not content_type.startswith("text/html"):
            return response
        hashes = [
            "'sha256-" + base64.b64encode(hashlib.sha256(match).digest()).decode() + "'"
            for match in _IMPORTMAP.findall(response.content)
        ]
        if hashes:
            response._csp_update = {"script-src": hashes}
        return response
