from django.apps import AppConfig, apps
from django.utils.translation import gettext_lazy as _


class UfmIntlConfig(AppConfig):
    name = "ufm_intl"
    verbose_name = _("Pages and initiatives")

    def ready(self):
        # The admin lists apps by verbose name; these two only have their package names ("AXES", "OTP_TOTP").
        apps.get_app_config("axes").verbose_name = _("Login attempts")
        apps.get_app_config("otp_totp").verbose_name = _("Two-factor authentication")
