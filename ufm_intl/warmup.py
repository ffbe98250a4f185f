"""The pages an app server renders into the cache as soon as a worker starts (ufm_intl/gunicorn_conf.py)."""

import threading

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from publishing.cache import warm

MAIN_PAGES = ["overview", "centres:list", "agreements:list", "contacts:list", "programmes"]


def main_paths():
    paths = []
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            paths += [reverse(name) for name in MAIN_PAGES]
    return paths


def warm_in_background(application):
    """Warm the main pages in a thread, so that the worker answers its first requests meanwhile."""
    origin = settings.PAGE_CACHE_WARM_ORIGIN
    if not origin:
        return None
    thread = threading.Thread(
        target=warm, args=(origin, main_paths(), application), name="page-cache-warm-up", daemon=True
    )
    thread.start()
    return thread
