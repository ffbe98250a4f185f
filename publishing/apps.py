from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublishingConfig(AppConfig):
    name = "publishing"
    verbose_name = _("Publishing")

    def ready(self):
        # Connect the receivers that keep cached pages fresh, content in use from being deleted and old
        # addresses working; register the admin of redirects and change notes.
        from publishing import change_notes, invalidation, protection, redirects  # noqa: F401
