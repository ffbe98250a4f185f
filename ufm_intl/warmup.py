"""The pages an app server renders into the cache before it opens its port and as each worker starts.

Both run from ufm_intl/gunicorn_conf.py. gunicorn's master loads the application once, renders the
main pages into the cache and only then opens the port and forks its workers: with Redis every worker
finds them there, and with the local-memory cache each worker is forked with a copy. So the first
visitors after a start are answered from the cache. A worker started later (gunicorn recycles them)
renders them again in the background.
"""

import logging
import threading
import time
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import DatabaseError, connections
from django.template import TemplateSyntaxError
from django.template.loader import get_template
from django.urls import reverse
from django.utils import translation

from publishing import versions
from publishing.cache import warm

logger = logging.getLogger(__name__)

# In each language.
MAIN_PAGES = ["overview", "centres:list", "agreements:list", "countries", "contacts:list", "programmes", "feed"]
# Once: the API lists and the sitemap, which at 10,000 agreements is the costliest page to render.
SHARED_PAGES = ["api-agreements", "api-centres", "api-contacts", "sitemap"]


def main_paths():
    paths = []
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            paths += [reverse(name) for name in MAIN_PAGES]
    return paths + [reverse(name) for name in SHARED_PAGES]


def warm_before_serving(application):
    """Render the main pages into the cache in this process, which then forks the workers.

    Takes well under a second at the seed's size. With the database down it does nothing (after one
    connect timeout), and the workers start as usual: pages the cache still holds are answered from it.
    """
    origin = settings.PAGE_CACHE_WARM_ORIGIN
    if not origin:
        return 0
    started = time.monotonic()
    paths = main_paths()
    try:
        with versions.without_listener():
            try:
                versions.current()
            except DatabaseError:
                logger.warning("Did not warm the cache: the database cannot be reached")
                return 0
            answered = warm(origin, paths, application)
    finally:
        # Forked workers must not share this process's database connections.
        connections.close_all()
    global _warmed_at
    if answered:
        _warmed_at = time.monotonic()
    compiled = compile_templates()
    logger.info(
        "Warmed %d of %d main pages and compiled %d templates in %.2f s before serving",
        answered, len(paths), compiled, time.monotonic() - started,
    )  # fmt: skip
    return answered


# When this process (or the master it was forked from) last warmed the cache before serving.
_warmed_at = None
# A worker forked this soon after the master warmed the cache finds the pages there (or, with the
# local-memory cache, was forked with them) and does not warm them again.
WARM_AGAIN_AFTER_SECONDS = 60


def compile_templates():
    """Load the project's own templates once, in the process that forks the workers, so that no worker
    compiles them again for its first visitors (Django's cached template loader keeps them)."""
    compiled = 0
    for app in apps.get_app_configs():
        directory = Path(app.path) / "templates"
        # The project's own apps, not installed packages (a virtualenv may sit inside the project).
        own = Path(app.path).is_relative_to(settings.BASE_DIR) and "site-packages" not in Path(app.path).parts
        if own and directory.is_dir():
            compiled += _compile_under(directory)
    for engine in settings.TEMPLATES:
        for directory in engine.get("DIRS", []):
            compiled += _compile_under(Path(directory))
    return compiled


def _compile_under(directory):
    compiled = 0
    for path in directory.rglob("*"):
        if path.suffix in (".html", ".xml", ".txt") and path.is_file():
            try:
                get_template(path.relative_to(directory).as_posix())
            except TemplateSyntaxError:
                logger.warning("Could not compile %s", path, exc_info=True)
                continue
            compiled += 1
    return compiled


def connect():
    """Open this worker's database connection and start its version listener before the first visitor,
    who would otherwise wait for both. A database that cannot be reached is left for the requests."""
    try:
        versions.current()
    except DatabaseError:
        logger.warning("The database cannot be reached yet")


def warm_in_background(application):
    """Warm the main pages in a thread, so that the worker answers its first requests meanwhile; not in a
    worker forked right after the master warmed them (``warm_before_serving``)."""
    origin = settings.PAGE_CACHE_WARM_ORIGIN
    if not origin or (_warmed_at is not None and time.monotonic() - _warmed_at < WARM_AGAIN_AFTER_SECONDS):
        return None
    thread = threading.Thread(
        target=warm, args=(origin, main_paths(), application), name="page-cache-warm-up", daemon=True
    )
    thread.start()
    return thread
