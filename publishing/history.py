"""Content history as editors read it: one row per save, who made it, and what it changed.

django-simple-history records a row when an object is saved and another for every change of its
many-to-many relations, so one save in the admin would leave two or three rows. Inside
``one_row_per_save()`` those are gathered and each object gets a single row when the block ends,
holding its fields and its relations as saved.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.db.models.signals import pre_delete
from django.utils.translation import gettext_noop
from modeltranslation.translator import NotRegistered, translator
from simple_history.models import HistoricalRecords
from simple_history.utils import get_m2m_reverse_field_name

# While a one_row_per_save() block runs: {(model, pk): (records, instance, history type, database)}.
_pending = ContextVar("publishing_pending_history", default=None)

# Change reason -> who is shown as the author of rows that code (not an editor) recorded with it.
_automatic_authors = {}

RELATION_CHANGES = ("post_add", "post_remove", "post_clear")
EMPTY = (None, "")

# The change reason of the history row of an object deleted because the one it belongs to was (an
# agreement's document with its agreement), rather than on its own.
DELETED_WITH = gettext_noop("Deleted with the item it belongs to")


def _gathering(instance):
    """The pending rows, if this instance's history rows are being gathered; else None."""
    if not getattr(settings, "SIMPLE_HISTORY_ENABLED", True) or hasattr(instance, "skip_history_when_saving"):
        return None
    return _pending.get()


class ContentHistory(HistoricalRecords):
    """simple-history's records, which hold back their rows inside ``one_row_per_save()``."""

    def post_save(self, instance, created, using=None, **kwargs):
        pending = _gathering(instance)
        if pending is None or kwargs.get("raw"):
            return super().post_save(instance, created, using=using, **kwargs)
        key = (type(instance), instance.pk)
        earlier = pending.get(key)
        history_type = "+" if created or (earlier and earlier[2] == "+") else "~"
        pending[key] = (self, instance, history_type, using)

    def m2m_changed(self, instance, action, attr, pk_set, reverse, **kwargs):
        pending = _gathering(instance)
        if pending is None or reverse:
            return super().m2m_changed(instance, action, attr, pk_set, reverse, **kwargs)
        if action in RELATION_CHANGES:
            pending.setdefault((type(instance), instance.pk), (self, instance, "~", None))


def mark_deleted_with(sender, instance, origin=None, **kwargs):
    """An object deleted because another one was (``origin``: where the deletion began) says so in its
    history row (``DELETED_WITH``)."""
    if origin is None or origin is instance:
        return
    if isinstance(origin, QuerySet):
        deleted_with = origin.model is not sender
    else:
        deleted_with = type(origin) is not sender or origin.pk != instance.pk
    if deleted_with:
        instance._change_reason = DELETED_WITH


pre_delete.connect(mark_deleted_with, dispatch_uid="publishing-history-deleted-with")


@contextmanager
def one_row_per_save():
    """Record each content object saved in the block once, with its relations, when the block ends.

    Use it inside the transaction that saves, so that the rows are written (or rolled back) with it.
    Nothing is recorded if the block raises.
    """
    if _pending.get() is not None:  # Already gathering: the outer block records.
        yield
        return
    pending = {}
    token = _pending.set(pending)
    try:
        yield
    finally:
        _pending.reset(token)
    for records, instance, history_type, using in pending.values():
        records.create_historical_record(instance, history_type, using=using)


def show_automatic_author(reason, author):
    """Show ``author`` as who made the history rows that code recorded with the change reason ``reason``."""
    _automatic_authors[reason] = author


def is_automatic_reason(reason):
    """Whether code records history rows with the change reason ``reason`` (stored in English, shown
    translated)."""
    return reason in _automatic_authors


def author_of(record):
    """Who made a history row: the editor, the code that recorded it (``show_automatic_author``), or None."""
    user = record.history_user
    if user is not None:
        return user.get_full_name() or user.get_username()
    return _automatic_authors.get(record.history_change_reason)


def relation_ids(record):
    """The primary keys of the related objects each many-to-many field had in a history row."""
    ids = {}
    for field in record._history_m2m_fields:
        target = get_m2m_reverse_field_name(field)
        ids[field.name] = list(getattr(record, field.name).values_list(f"{target}_id", flat=True))
    return ids


def translated_fields(model):
    """The names of the model's fields kept in English and Danish (``summary`` for ``summary_en``, ``summary_da``)."""
    try:
        return translator.get_options_for_model(model).get_field_names()
    except NotRegistered:
        return ()


def differences(newer, older, **kwargs):
    """The field changes from ``older`` to ``newer`` (simple-history's ModelChange objects), in field order.

    Translated fields count once per language (``summary_en``, ``summary_da``), not also under the
    untranslated name that mirrors the default language; a field that went from empty (NULL) to
    empty ("") did not change.
    """
    model = newer.instance_type
    delta = newer.diff_against(older, excluded_fields=translated_fields(model), **kwargs)
    order = [field.name for field in model._meta.get_fields()]
    return sorted(
        (change for change in delta.changes if not (change.old in EMPTY and change.new in EMPTY)),
        key=lambda change: order.index(change.field) if change.field in order else len(order),
    )


def changes_between(older, newer):
    """The names of the fields that differ between two history rows of an object (see ``differences``)."""
    return [change.field for change in differences(newer, older)]


def deletion_of(model, pk):
    """The history row recording that ``model``'s object ``pk`` was deleted, if that is the last thing that
    happened to it (it has not been restored since); else None."""
    try:
        pk = model._meta.pk.to_python(pk)
    except ValidationError:
        return None
    latest = model.history.filter(**{model._meta.pk.attname: pk}).order_by("-history_date", "-history_id").first()
    if latest is None or latest.history_type != "-":
        return None
    return latest
