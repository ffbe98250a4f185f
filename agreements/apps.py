from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgreementsConfig(AppConfig):
    name = "agreements"
    verbose_name = _("Bilateral agreements")

    def ready(self):
        from agreements.models import CountryAlias
        from publishing.country_search import register_aliases

        # The editors' other names for countries, understood by every country search in the admin.
        register_aliases(lambda: CountryAlias.objects.values_list("country", "alias"))
