from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse


class SecurityHeadersMiddleware:
    """Headers Django's SecurityMiddleware does not set itself."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


class EnforceStaffOTPMiddleware:
    """With OTP_REQUIRED_FOR_SUPERUSERS on, a superuser must verify a TOTP device before using the admin."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.OTP_REQUIRED_FOR_SUPERUSERS and request.path.startswith("/admin/"):
            user = request.user
            exempt = (reverse("admin:login"), reverse("admin:logout"))
            if user.is_authenticated and user.is_superuser and not user.is_verified() and request.path not in exempt:
                return redirect(reverse("admin:login") + "?next=" + request.path)
        return self.get_response(request)
