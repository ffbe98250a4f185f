"""Public addresses of content, built once per language and remembered.

``reverse()`` walks the URL patterns on every call; lists link every item, so pages would spend much
of their render time on it. The URL configuration does not change while the process runs, so the
answer for a view, its arguments and the active language is always the same.
"""

import functools

from django.core.signals import setting_changed
from django.urls import get_script_prefix, reverse, translate_url
from django.utils.translation import get_language


@functools.lru_cache(maxsize=8192)
def _reverse(language, prefix, viewname, kwargs):
    return reverse(viewname, kwargs=dict(kwargs))


def item_url(viewname, **kwargs):
    """``reverse(viewname, kwargs=kwargs)`` in the active language, remembered."""
    return _reverse(get_language(), get_script_prefix(), viewname, tuple(sorted(kwargs.items())))


@functools.lru_cache(maxsize=4096)
def _translate(path, language, prefix):
    return translate_url(path, language)


def same_page_in(path, language):
    """The address of the page at ``path`` in another language (``translate_url``), remembered."""
    return _translate(path, language, get_script_prefix())


def forget(**kwargs):
    _reverse.cache_clear()
    _translate.cache_clear()


setting_changed.connect(forget, dispatch_uid="publishing-addresses-forget")
