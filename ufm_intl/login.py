from django import forms
from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.utils.translation import gettext_lazy as _
from django_otp import devices_for_user
from django_otp.forms import OTPAuthenticationFormMixin


def needs_second_factor(user):
    """Staff who set up an authenticator must use it; superusers must when the setting says so."""
    if next(devices_for_user(user, confirmed=True), None) is not None:
        return True
    return settings.OTP_REQUIRED_FOR_SUPERUSERS and user.is_superuser


class AdminLoginForm(OTPAuthenticationFormMixin, AdminAuthenticationForm):
    """The admin login: password, then the code from an authenticator app for those who need one."""

    otp_error_messages = dict(
        OTPAuthenticationFormMixin.otp_error_messages,
        token_required=_("Enter the six-digit code from your authenticator app."),
        invalid_token=_("That code is not right. Check the time on your phone and try again."),
    )

    otp_device = forms.CharField(required=False, widget=forms.HiddenInput)
    otp_token = forms.CharField(
        label=_("Code from your authenticator app"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
        help_text=_("Only if you have set up two-factor authentication."),
    )
    otp_challenge = forms.CharField(required=False, widget=forms.HiddenInput)

    def clean(self):
        self.cleaned_data = super().clean()
        user = self.get_user()
        if user is not None and needs_second_factor(user):
            if not self.cleaned_data.get("otp_device"):
                # Most people have one authenticator; use it without asking them to pick.
                device = next(devices_for_user(user, confirmed=True), None)
                self.cleaned_data["otp_device"] = device.persistent_id if device else ""
            self.clean_otp(user)
        return self.cleaned_data
