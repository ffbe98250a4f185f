from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublishingConfig(AppConfig):
    name = "publishing"
    verbose_name = _("Publishing")

    def ready(self):
        # Connect the receivers that keep cached pages fresh and content in use from being deleted.
        from publishing import invalidation, protection  # noqa: F401
