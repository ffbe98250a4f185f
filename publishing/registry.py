"""The models whose changes visitors can see. Content apps register them in their ``translation.py``.

A registered model keeps a history (django-simple-history: who changed what, and restore; see
publishing/history.py), and every save, delete or change of its relations makes cached pages stale
(publishing/invalidation.py). A model registered with ``redirect_on_rename`` keeps its old addresses
working when its slug changes (publishing/redirects.py).
History is registered after modeltranslation has added the language fields, so that each historical
record keeps both languages.
"""

import simple_history

from publishing.history import ContentHistory

_content_models = set()
_renamed_models = set()
_date_fields = {}


def register(model, *, m2m_fields=(), redirect_on_rename=False, date_fields=()):
    """Make ``model`` content: history, with its many-to-many ``m2m_fields``, and page-cache invalidation.

    With ``redirect_on_rename``, a change of the model's ``slug`` (in either language) records the old
    address as a redirect to the item. ``date_fields`` are dates from which what visitors see of an
    item changes by itself (an agreement's status): cached pages are rendered anew at the midnights
    they bring (publishing/scheduling.py).
    """
    simple_history.register(model, app=model._meta.app_label, m2m_fields=list(m2m_fields), records_class=ContentHistory)
    _content_models.add(model)
    if redirect_on_rename:
        _renamed_models.add(model)
    if date_fields:
        _date_fields[model] = tuple(date_fields)


def is_content(model):
    return model in _content_models


def content_models():
    return sorted(_content_models, key=lambda model: model._meta.label)


def redirects_on_rename(model):
    return model in _renamed_models


def date_fields():
    """``{model: date field names}`` of the models registered with ``date_fields``."""
    return dict(_date_fields)
