"""Self-service two-factor enrolment in the admin: any staff user adds an authenticator app.

The page shows a QR code (inline SVG, made here: nothing is loaded from another site) and the same key
as text, for apps that cannot scan; the authenticator counts once the user has typed one of its codes.
Each person has one authenticator: confirming a new one replaces the old, and verifies the session.
"""

from base64 import b32encode

import qrcode
import qrcode.image.svg
from django import forms
from django.contrib import messages
from django.contrib.admin import site as admin_site
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_otp import devices_for_user
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice


class ConfirmDeviceForm(forms.Form):
    token = forms.RegexField(
        label=gettext_lazy("Code from your authenticator app"),
        regex=r"^\s*\d{6}\s*$",
        error_messages={"invalid": gettext_lazy("Enter the six-digit code from your authenticator app.")},
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "size": 8}),
    )

    def __init__(self, *args, device, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_token(self):
        token = self.cleaned_data["token"].strip()
        if not self.device.verify_token(token):
            raise forms.ValidationError(
                _("That code is not right. Check the time on your phone and try again."), code="invalid_token"
            )
        return token


def qr_code_svg(text):
    """``text`` as a QR code: an SVG element to put in the page (dark on white, for any admin theme)."""
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathFillImage)
    # Drawn by the qrcode library from our own text: the SVG holds only a rectangle and a path.
    return SafeString(image.to_string(encoding="unicode"))


def key_for_typing(device):
    """The device's secret as authenticator apps take it when typed: base32, in groups of four."""
    key = b32encode(device.bin_key).decode()
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def enrol(request):
    user = request.user
    current = next(devices_for_user(user, confirmed=True), None)
    if current is not None and not user.is_verified():
        # Only someone who has just given the present authenticator's code may replace it.
        logout(request)
        return redirect_to_login(request.get_full_path(), reverse("admin:login"))

    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=_("Authenticator app"), confirmed=False)

    form = ConfirmDeviceForm(request.POST if request.method == "POST" else None, device=device)
    if form.is_valid():
        with transaction.atomic():
            TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
            device.confirmed = True
            device.save(update_fields=["confirmed"])
        otp_login(request, device)
        messages.success(
            request, _("Two-factor authentication is set up. Give a code from the app whenever you log in.")
        )
        return redirect("admin:index")

    context = {
        **admin_site.each_context(request),
        "title": _("Two-factor authentication"),
        "form": form,
        "has_authenticator": current is not None,
        "qr_code": qr_code_svg(device.config_url),
        "key": key_for_typing(device),
    }
    return TemplateResponse(request, "admin/two_factor.html", context)
