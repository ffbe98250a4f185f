"""Terms and partners that content uses cannot be deleted: they would silently vanish from that content.

Such models name the relation to the content that uses them in ``in_use_by``; the admin lists the
content on its delete page (publishing.admin.InUseDeletionMixin).
"""

from django.db.models import ProtectedError
from django.db.models.signals import pre_delete
from django.utils.translation import gettext as _


def in_use(instance):
    """The content that uses ``instance``, or [] for models that are not protected this way."""
    relation = getattr(type(instance), "in_use_by", None)
    return list(getattr(instance, relation).all()) if relation else []


def refuse_deleting_what_content_uses(sender, instance, **kwargs):
    users = in_use(instance)
    if users:
        raise ProtectedError(
            _("“%(object)s” cannot be deleted while it is used by: %(users)s.")
            % {"object": instance, "users": ", ".join(str(user) for user in users)},
            set(users),
        )


pre_delete.connect(refuse_deleting_what_content_uses, dispatch_uid="publishing-protect-in-use")
