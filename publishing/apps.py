from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublishingConfig(AppConfig):
    name = "publishing"
    verbose_name = _("Publishing")

    def ready(self):
        from publishing import registry
        from publishing.models import ChangeNote, Redirect

        # Redirects and change notes are the editors' too: a history of who changed what, and restore.
        registry.register(Redirect)
        registry.register(ChangeNote)
        # Connect the receivers that keep cached pages fresh, content in use from being deleted and old
        # addresses working; register the admin of redirects.
        from publishing import change_notes, invalidation, protection, redirects  # noqa: F401
