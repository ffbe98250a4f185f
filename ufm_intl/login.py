from django import forms
from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import get_user_model, user_login_failed
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django_otp import devices_for_user
from django_otp.forms import OTPAuthenticationFormMixin


def two_factor_required(user):
    """Whether the settings require this user to log in with a code: all staff, or superusers."""
    return bool(
        (settings.OTP_REQUIRED_FOR_STAFF and user.is_staff)
        or (settings.OTP_REQUIRED_FOR_SUPERUSERS and user.is_superuser)
    )


class AdminLoginForm(OTPAuthenticationFormMixin, AdminAuthenticationForm):
    """The admin login: password, then the code from an authenticator app for those who need one.

    A wrong or missing code gets the same message as a wrong password, and counts towards the lockout
    like one, so the form never tells anyone who does not have the code whether the password was right.
    """

    error_messages = dict(
        AdminAuthenticationForm.error_messages,
        invalid_login=_(
            "Please enter the correct username and password for a staff account, and the code from your "
            "authenticator app if you have set one up. Upper and lower case letters count."
        ),
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
        username = self.cleaned_data.get("username") or ""
        if len(username) > get_user_model()._meta.get_field("username").max_length:
            # No account has such a name, and the login log could not store it.
            raise self.get_invalid_login_error()
        self.cleaned_data = super().clean()
        user = self.get_user()
        if user is None:
            return self.cleaned_data
        device = next(devices_for_user(user, confirmed=True), None)
        if device is None and not two_factor_required(user):
            return self.cleaned_data
        # Each person has one authenticator (enrolling a new one replaces it): use it without asking.
        self.cleaned_data["otp_device"] = device.persistent_id if device else ""
        try:
            self.clean_otp(user)
        except ValidationError as error:
            # A wrong or missing code counts as a failed login, towards the lockout, like a wrong password.
            user_login_failed.send(
                sender=__name__, credentials={"username": self.cleaned_data.get("username")}, request=self.request
            )
            raise self.get_invalid_login_error() from error
        return self.cleaned_data
