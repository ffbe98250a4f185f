from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class UfmIntlConfig(AppConfig):
    name = "ufm_intl"
    verbose_name = _("Pages and initiatives")
