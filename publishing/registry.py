"""The models whose changes visitors can see. Content apps register them in their ``translation.py``.

A registered model keeps a history (django-simple-history: who changed what, and restore), and every
save, delete or change of its relations makes cached pages stale (publishing/invalidation.py).
History is registered after modeltranslation has added the language fields, so that each historical
record keeps both languages.
"""

import simple_history

_content_models = set()


def register(model, *, m2m_fields=()):
    """Make ``model`` content: history, with its many-to-many ``m2m_fields``, and page-cache invalidation."""
    simple_history.register(model, app=model._meta.app_label, m2m_fields=list(m2m_fields))
    _content_models.add(model)


def is_content(model):
    return model in _content_models


def content_models():
    return sorted(_content_models, key=lambda model: model._meta.label)
