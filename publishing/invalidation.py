"""Where cached pages are made stale: every change to registered content moves the content version.

The version is moved in the same transaction as the change (publishing/versions.py), so a page can
never be cached under a version whose content it does not show.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save

from publishing import versions
from publishing.registry import is_content


def content_saved_or_deleted(sender, **kwargs):
    if is_content(sender):
        versions.bump()


def content_relations_changed(sender, instance, action, model, **kwargs):
    if action.startswith("post_") and (is_content(type(instance)) or is_content(model)):
        versions.bump()


post_save.connect(content_saved_or_deleted, dispatch_uid="publishing-invalidate-save")
post_delete.connect(content_saved_or_deleted, dispatch_uid="publishing-invalidate-delete")
m2m_changed.connect(content_relations_changed, dispatch_uid="publishing-invalidate-relations")
