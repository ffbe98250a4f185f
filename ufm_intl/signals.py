from django.db.models import ProtectedError
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from django.dispatch import receiver
from django.utils.translation import gettext as _

from ufm_intl.models import ContentVersion

CONTENT_APPS = {"ufm_intl", "centres", "agreements", "contacts"}


def _is_content(model):
    meta = model._meta
    return (
        meta.app_label in CONTENT_APPS and model is not ContentVersion and not meta.model_name.startswith("historical")
    )


@receiver(post_save)
@receiver(post_delete)
def content_saved_or_deleted(sender, **kwargs):
    if _is_content(sender):
        ContentVersion.bump()


@receiver(m2m_changed)
def content_relations_changed(sender, action, model, **kwargs):
    if action.startswith("post_") and _is_content(model):
        ContentVersion.bump()


@receiver(pre_delete)
def refuse_deleting_what_content_uses(sender, instance, **kwargs):
    """Funding partners, activities and focus areas in use would silently vanish from content.

    Such models name the relation to the content that uses them in ``in_use_by``.
    """
    relation = getattr(sender, "in_use_by", None)
    if relation:
        users = list(getattr(instance, relation).all())
        if users:
            raise ProtectedError(
                _("“%(object)s” cannot be deleted while it is used by: %(users)s.")
                % {"object": instance, "users": ", ".join(str(user) for user in users)},
                set(users),
            )
