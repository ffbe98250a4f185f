"""Whole-page caching for visitors, per language, host and scheme, kept fresh by the content version.

Views that may be cached are wrapped in ``cache_public_page``; ``PublicPageCacheMiddleware``, right
after Django's SecurityMiddleware (so the host is checked and HTTP is redirected to HTTPS first),
stores their finished responses (headers included) and answers later requests for the same URL
straight from the cache, before the rest of the middleware runs.

Each URL has one entry: the response and the content version (publishing/versions.py) it was
rendered at. Every save, delete or relation change of content moves the version on, in the same
transaction (publishing/invalidation.py), so an entry of an older version is stale. Then:

- **One render per change (single flight).** The first request that finds the entry stale takes a
  short lock and renders the page. Requests for the same page meanwhile get the stale copy if the
  change is younger than ``PAGE_CACHE_GRACE_SECONDS`` (stale-while-revalidate), otherwise they wait
  for that one render instead of rendering the page again.
- **Stale if error.** If the database cannot be reached, whatever copy the cache holds is answered;
  a page that is not in the cache answers 503 with Retry-After (publishing/outages.py).
- **Cache outages** (down, hung, timing out) are logged once and skipped for ``CACHE_RETRY_SECONDS``:
  pages are rendered without the cache meanwhile, and the cache is used again when it answers.
- **A copy in each process.** When the cache is shared (Redis), each process also keeps the entries it
  has answered in its own memory (``PAGE_CACHE_LOCAL_ENTRIES``) and answers from there while they are
  fresh, without a round trip: the version says when they are not. A page rendered by one process is
  fetched from the shared cache once by each of the others, not rendered again.

Requests that carry a session (logged-in editors, who may be previewing drafts) never touch the cache,
so an editor sees their own change on their next request; visitors see it within the grace period.
"""

import functools
import hashlib
import io
import logging
import re
import socket
import time
from importlib import import_module
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.core.cache import cache, caches
from django.core.cache.backends.locmem import LocMemCache
from django.core.exceptions import DisallowedHost
from django.core.signals import setting_changed
from django.db import DatabaseError, connections
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_cache_control

from publishing import scheduling, versions
from publishing.outages import service_unavailable
from publishing.routers import public_reads

logger = logging.getLogger(__name__)


# Django's session keys: 32 lower-case letters and digits. Anything else cannot be a session.
_SESSION_KEY = re.compile(r"[a-z0-9]{32}")


def is_logged_in(request):
    """Whether the request comes from a logged-in user (an editor, who may be previewing drafts).

    Before the authentication middleware has run, the session is looked up (one query): a made-up
    session cookie must not be a way to make every request skip the cache.
    """
    user = getattr(request, "user", None)
    if user is not None:
        return user.is_authenticated
    key = request.COOKIES.get(settings.SESSION_COOKIE_NAME, "")
    if not _SESSION_KEY.fullmatch(key):
        return False
    try:
        return SESSION_KEY in import_module(settings.SESSION_ENGINE).SessionStore(key)
    except DatabaseError:
        return False  # The database is down: a cached page is the best anyone can get.


# Never cached: answering them must not even look at the cache (or the database, for the version).
UNCACHED_PREFIXES = ("/admin/", "/healthz", "/i18n/", settings.STATIC_URL)
# Longer query strings are answered but not cached: nobody types them, and each would be an entry.
MAX_CACHED_QUERY_LENGTH = 256


def cacheable_request(request):
    return (
        request.method in ("GET", "HEAD")
        and not request.path_info.startswith(UNCACHED_PREFIXES)
        and len(request.META.get("QUERY_STRING", "")) <= MAX_CACHED_QUERY_LENGTH
        and not is_logged_in(request)
    )


def request_language(request):
    """The language the answer will be in: from the URL prefix, else ?lang=, else the browser."""
    language = translation.get_language_from_path(request.path_info)
    if language:
        return language
    language = request.GET.get("lang") or translation.get_language_from_request(request)
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


class GuardedCache:
    """The cache, where any failure means "not cached" instead of an error for the visitor.

    After a failure the cache is left alone for ``CACHE_RETRY_SECONDS``, so an outage costs one
    timeout per process and interval rather than one per request.
    """

    def __init__(self):
        self.unavailable_until = 0.0

    @property
    def is_available(self):
        return time.monotonic() >= self.unavailable_until

    def _call(self, operation, *args, failed=None):
        if not self.is_available:
            return failed
        try:
            result = getattr(cache, operation)(*args)
        except Exception as error:  # Any backend error (connection refused, timeout, ...) means "no cache".
            if self.unavailable_until == 0.0 or self.is_available:
                logger.warning("Page cache unavailable, rendering without it: %s: %s", type(error).__name__, error)
            self.unavailable_until = time.monotonic() + settings.CACHE_RETRY_SECONDS
            return failed
        if self.unavailable_until:
            logger.warning("Page cache available again")
            self.unavailable_until = 0.0
        return result

    def get(self, key):
        return self._call("get", key)

    def set(self, key, value, timeout):
        self._call("set", key, value, timeout)

    def add(self, key, value, timeout):
        # Without a cache nobody else can be rendering for us: go ahead.
        return self._call("add", key, value, timeout, failed=True)

    def delete(self, key):
        self._call("delete", key)


page_store = GuardedCache()


_local_copies = None


def local_copies():
    """This process's own copies of entries, in front of a shared cache; None when the cache is this
    process's memory already (Django's local-memory cache, the default without ``CACHE_URL``)."""
    global _local_copies
    if isinstance(caches["default"], LocMemCache) or not settings.PAGE_CACHE_LOCAL_ENTRIES:
        return None
    if _local_copies is None:
        _local_copies = LocMemCache(
            "ufm-intl-page-copies", {"OPTIONS": {"MAX_ENTRIES": settings.PAGE_CACHE_LOCAL_ENTRIES}}
        )
    return _local_copies


def clear():
    """Empty the page cache: the shared entries and this process's copies."""
    cache.clear()
    forget_local_copies()


def forget_local_copies(**kwargs):
    global _local_copies
    if _local_copies is not None:
        _local_copies.clear()
    _local_copies = None


# Tests that switch caches must not be answered from copies made under another.
setting_changed.connect(forget_local_copies, dispatch_uid="publishing-cache-forget-local-copies")


# While a page waits to be rendered again after an edit, a process that has just asked the shared cache
# for it answers its own previous copy for this long before asking again (and before trying for a
# revalidation slot): those round trips, for every request in the meantime, would cost more than the render.
RECHECK_SECONDS = 0.5
_checked = {}  # page key -> (version, monotonic time) of this process's last look at the shared cache


def checked_moments_ago(key, version):
    checked = _checked.get(key)
    return checked is not None and checked[0] == version and time.monotonic() - checked[1] < RECHECK_SECONDS


def may_wait_for_turn(key, version):
    """Whether the previous copy may be answered without asking the shared cache again: within the grace
    period, and moments after this process last asked."""
    return versions.age_seconds(version) <= settings.PAGE_CACHE_GRACE_SECONDS and checked_moments_ago(key, version)


def mark_checked(key, version):
    if len(_checked) > 4096:
        _checked.clear()
    _checked[key] = (version, time.monotonic())


def stored_entry(key, version, timeout):
    """The entry for ``key``: this process's copy if it is fresh, else the newer of it and the shared
    cache's (the shared one is copied here when it is newer). With ``version`` None (the database is
    down) the newer of the two. ``timeout``: how long a copy made here is kept."""
    copies = local_copies()
    if copies is None:
        return page_store.get(key)
    copy = copies.get(key)
    if version is not None and (is_fresh(copy, version) or (copy is not None and may_wait_for_turn(key, version))):
        return copy
    entry = page_store.get(key)
    if entry is None or (copy is not None and copy[0] > entry[0]):
        return copy
    if copy is None or entry[0] > copy[0] or is_fresh(entry, version):
        keep_copy(copies, key, entry, timeout)
    return entry


# Larger pages (the sitemap of thousands of agreements) are left to the shared cache: a copy of each in
# every process would be memory that the shared cache's own limit does not bound.
LOCAL_COPY_MAX_BYTES = 256 * 1024


def keep_copy(copies, key, entry, timeout):
    response = entry[1]
    if not getattr(response, "streaming", False) and len(response.content) <= LOCAL_COPY_MAX_BYTES:
        copies.set(key, entry, timeout)


def store_entry(key, entry, timeout):
    page_store.set(key, entry, timeout)
    copies = local_copies()
    if copies is not None:
        keep_copy(copies, key, entry, timeout)


def entry_timeout(request):
    """How long a page is kept. Pages with parameters (searches, filters) are many and each asked for
    rarely: they are kept briefly."""
    return settings.PAGE_CACHE_SECONDS if not request.GET else min(settings.PAGE_CACHE_SECONDS, 60)


def cache_public_page(view=None, *, refresh_seconds=0):
    """Mark a view's successful answers to visitors as cacheable (see PublicPageCacheMiddleware).

    ``refresh_seconds``: for answers that are costly and need not follow every edit at once (the
    sitemap, for search engines), a copy is kept for this long after it was rendered even when the
    content has changed meanwhile, so a series of edits does not keep a worker re-rendering it.
    """
    if view is None:
        return functools.partial(cache_public_page, refresh_seconds=refresh_seconds)

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if not cacheable_request(request):
            response = view(request, *args, **kwargs)
            patch_cache_control(response, private=True, no_cache=True)
            return response
        with public_reads():
            response = view(request, *args, **kwargs)
            if hasattr(response, "render"):
                response.render()
        if response.status_code == 200 and _replica_has(getattr(request, "page_cache_version", None)):
            response.cache_public = True
            response.cache_refresh_seconds = refresh_seconds
        return response

    return wrapper


def _replica_has(version):
    """Whether the page was read from data at least as new as the version it would be cached under."""
    if version is None or "replica" not in connections:
        return True
    try:
        return versions.read(connections["replica"]) >= version
    except DatabaseError:
        return False


_SERVER = socket.gethostname()


def take_revalidation_slot():
    """The key of a free revalidation slot of this server, now taken; None when all are in use.

    ``PAGE_CACHE_REVALIDATIONS`` pages at a time per app server are rendered again after an edit while
    visitors get their previous copies. A slot whose worker died frees itself.
    """
    for number in range(settings.PAGE_CACHE_REVALIDATIONS):
        slot = f"page-revalidation:{_SERVER}:{number}"
        if page_store.add(slot, 1, settings.PAGE_CACHE_LOCK_SECONDS * 2):
            return slot
    return None


def page_key(request, host):
    """One entry per scheme, host, language and URL, as Django's own cache; parameters in any order."""
    query = urlencode(sorted(request.GET.lists()), doseq=True)
    identity = f"{request.scheme}|{host}|{request_language(request)}|{request.path}?{query}"
    return "page:" + hashlib.sha256(identity.encode()).hexdigest()


def is_fresh(entry, version):
    """Whether a cache entry may be answered as it is: no scheduled publishing time has passed since it
    was rendered (publishing/scheduling.py), and it was rendered at this content version, or less than
    its view's ``refresh_seconds`` ago.

    An entry is ``(version, response, next scheduled time, rendered at, refresh seconds)``.
    """
    if entry is None or scheduling.has_passed(entry[2] if len(entry) > 2 else None):
        return False
    if entry[0] == version:
        return True
    refresh_seconds = entry[4] if len(entry) > 4 else 0
    return bool(refresh_seconds) and time.time() - entry[3] < refresh_seconds


class PublicPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not cacheable_request(request):
            return self.get_response(request)
        try:
            host = request.get_host()
        except DisallowedHost:
            return self.get_response(request)  # Answered 400 in the layout, never from the cache.
        key = page_key(request, host)

        try:
            version = versions.current()
        except DatabaseError:
            # Nothing can be known to be fresh; the last copy is better than no page at all.
            entry = stored_entry(key, None, entry_timeout(request))
            if entry is not None:
                return self.answer(request, entry[1])
            return service_unavailable(request)

        entry = stored_entry(key, version, entry_timeout(request))
        if is_fresh(entry, version):
            return self.answer(request, entry[1])

        lock = key + ":rendering"
        # Within the grace period after an edit, the previous copy may still be answered.
        previous_will_do = (
            entry is not None
            and entry[0] < version
            and versions.age_seconds(version) <= settings.PAGE_CACHE_GRACE_SECONDS
            and not scheduling.has_passed(entry[2] if len(entry) > 2 else None)
        )
        if previous_will_do and may_wait_for_turn(key, version):
            return self.answer(request, entry[1])
        if previous_will_do:
            mark_checked(key, version)
            # Every visitor gets the previous copy at once. One of them, holding the page's lock and one of
            # this server's revalidation slots, has the new copy rendered once its answer has been sent (when
            # the server closes it), so no visitor waits for the render. Pages take turns for the slots: after
            # an edit, the other workers keep answering instead of all rendering at once. A page still not
            # rendered when the grace period ends is rendered as below.
            slot = take_revalidation_slot()
            if slot is not None:
                if page_store.add(lock, 1, settings.PAGE_CACHE_LOCK_SECONDS * 6):
                    response = self.answer(request, entry[1])
                    response._resource_closers.append(
                        lambda: self.render_after_answer(request, key, version, (lock, slot))
                    )
                    return response
                page_store.delete(slot)
            return self.answer(request, entry[1])

        # The lock outlives the wait: a slow render is not joined by a second one; a lock whose worker
        # died expires on its own.
        if page_store.add(lock, 1, settings.PAGE_CACHE_LOCK_SECONDS * 6):
            try:
                response = self.render(request, key, version)
            finally:
                page_store.delete(lock)
            return self.answer(request, response)

        # Another request is rendering this page.
        deadline = time.monotonic() + settings.PAGE_CACHE_LOCK_SECONDS
        while time.monotonic() < deadline:
            time.sleep(0.005)
            entry = stored_entry(key, version, entry_timeout(request))
            if is_fresh(entry, version):
                return self.answer(request, entry[1])
            if page_store.get(lock) is None:
                break  # That render was not cacheable (a 404, say): render our own.
        else:
            if entry is not None:
                # That render is taking longer than it may: rendering it again here too would only
                # slow it down further. The previous copy it is.
                return self.answer(request, entry[1])
        return self.answer(request, self.render(request, key, version))

    def render(self, request, key, version):
        request.page_cache_version = version
        # Asked before rendering, so a scheduled time that passes during the render is not missed.
        valid_until = scheduling.next_scheduled_change(version)
        response = self.get_response(request)
        if not getattr(response, "cache_public", False) or response.streaming or response.cookies:
            return response
        response["ETag"] = '"' + hashlib.sha256(response.content).hexdigest()[:32] + '"'
        # Browsers must check back every time (a cheap 304), so an edit is never hidden behind their cache.
        patch_cache_control(response, public=True, no_cache=True)
        # The finished response, headers included, as Django's own cache middleware stores it.
        timeout = entry_timeout(request)
        entry = (version, response, valid_until, time.time(), getattr(response, "cache_refresh_seconds", 0))
        store_entry(key, entry, timeout)
        return response

    def render_after_answer(self, request, key, version, locks):
        try:
            self.render(request, key, version).close()
        except Exception:  # The answer has been sent: the next request renders the page instead.
            logger.exception("Could not render %s after answering it", request.path)
        finally:
            for lock in locks:
                page_store.delete(lock)

    @staticmethod
    def answer(request, response):
        if "ETag" in response:
            not_modified = get_conditional_response(request, etag=response["ETag"])
            if not_modified is not None:
                not_modified["ETag"] = response["ETag"]
                not_modified["Cache-Control"] = response["Cache-Control"]
                return not_modified
        return response


def warm(origin, paths, application):
    """Render ``paths`` into the cache in this process, as visitors to ``origin`` would ask for them.

    Run before an app server opens its port and after it starts a worker (ufm_intl/gunicorn_conf.py), so
    that its first visitors are answered from the cache. Failures are logged, never raised: warming is
    only a head start. An answer of 500 or more (the database down) stops it: the other pages would
    only wait for the same failure. Returns how many pages answered.
    """
    scheme, _, host = origin.partition("://")
    answered = 0
    statuses = []
    for path in paths:
        environ = {
            "REQUEST_METHOD": "GET",
            "PATH_INFO": path,
            "QUERY_STRING": "",
            "SERVER_NAME": host.split(":")[0],
            "SERVER_PORT": host.partition(":")[2] or ("443" if scheme == "https" else "80"),
            "HTTP_HOST": host,
            "HTTP_X_FORWARDED_PROTO": scheme,
            "SERVER_PROTOCOL": "HTTP/1.1",
            "wsgi.url_scheme": scheme,
            "wsgi.input": io.BytesIO(),
            "wsgi.errors": io.StringIO(),
            "wsgi.version": (1, 0),
            "wsgi.multithread": False,
            "wsgi.multiprocess": True,
            "wsgi.run_once": False,
        }
        statuses.clear()
        try:
            body = application(environ, lambda status, headers, exc_info=None: statuses.append(status))
            for _ in body:
                pass
            if hasattr(body, "close"):
                body.close()
        except Exception:  # A page that cannot be warmed is rendered on first visit instead.
            logger.warning("Could not warm %s%s", origin, path, exc_info=True)
            continue
        if statuses and int(statuses[-1].split()[0]) >= 500:
            logger.warning("Stopped warming the cache: %s%s answered %s", origin, path, statuses[-1])
            break
        answered += 1
    return answered
