"""Whole-page caching for visitors, per language, invalidated by any content change.

Views that may be cached are wrapped in ``cache_public_page``; ``PublicPageCacheMiddleware``, first in
the middleware list, stores their finished responses (headers included) and answers later requests
for the same URL and language straight from the cache, before the rest of the middleware runs.

A cached answer is keyed by the content version (publishing/versions.py), which every save, delete
or relation change of content moves forward (publishing/invalidation.py) in the same transaction. So an
edit shows on the next request on every server and worker, old entries simply stop being asked for,
and nothing has to be purged. Requests that carry a session (logged-in editors, who may be previewing
drafts) never touch the cache.
"""

import functools
import hashlib

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_cache_control

from publishing import versions
from publishing.routers import public_reads


def is_anonymous(request):
    return settings.SESSION_COOKIE_NAME not in request.COOKIES


# Never cached: answering them must not even look at the cache (or the database, for the version).
UNCACHED_PREFIXES = ("/admin/", "/healthz", "/i18n/", settings.STATIC_URL)


def cacheable_request(request):
    return (
        request.method in ("GET", "HEAD")
        and is_anonymous(request)
        and not request.path_info.startswith(UNCACHED_PREFIXES)
    )


def request_language(request):
    """The language the answer will be in: from the URL prefix, else ?lang=, else the browser."""
    language = translation.get_language_from_path(request.path_info)
    if language:
        return language
    language = request.GET.get("lang") or translation.get_language_from_request(request)
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def cache_public_page(view):
    """Mark a view's successful answers to visitors as cacheable (see PublicPageCacheMiddleware)."""

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
        if response.status_code == 200:
            response.cache_public = True
        return response

    return wrapper


class PublicPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not cacheable_request(request):
            return self.get_response(request)

        try:
            version = versions.current()
        except DatabaseError:
            # Without the database nothing can be known to be fresh; let the view answer (or fail) as usual.
            return self.get_response(request)
        key = (
            "page:"
            + hashlib.sha256(f"{version}|{request_language(request)}|{request.get_full_path()}".encode()).hexdigest()
        )
        response = cache.get(key)
        if response is None:
            response = self.get_response(request)
            if not getattr(response, "cache_public", False) or response.streaming or response.cookies:
                return response
            response["ETag"] = '"' + hashlib.sha256(response.content).hexdigest()[:32] + '"'
            # Browsers must check back every time (a cheap 304), so an edit is never hidden behind their cache.
            patch_cache_control(response, public=True, no_cache=True)
            # The finished response, headers included, as Django's own cache middleware stores it.
            cache.set(key, response, settings.PAGE_CACHE_SECONDS)
        not_modified = get_conditional_response(request, etag=response["ETag"])
        if not_modified is not None:
            not_modified["ETag"] = response["ETag"]
            not_modified["Cache-Control"] = response["Cache-Control"]
            return not_modified
        return response
