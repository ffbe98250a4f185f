import base64
import hashlib
import re

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.urls import reverse


class StaticFrameOptionsMiddleware:
    """X-Frame-Options on static files too: Django's clickjacking middleware only covers views."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("X-Frame-Options", settings.X_FRAME_OPTIONS)
        return response


class EnforceStaffOTPMiddleware:
    """With OTP_REQUIRED_FOR_SUPERUSERS on, a superuser's session without a verified code is ended.

    The login form already asks superusers for the code; this catches sessions that began otherwise
    (before the setting was switched on, for example).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.OTP_REQUIRED_FOR_SUPERUSERS and request.path.startswith("/admin/"):
            user = request.user
            if user.is_authenticated and user.is_superuser and not user.is_verified():
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
