"""Whole-page caching for visitors, per language, invalidated by any content change.

A cached answer is keyed by the content version (ufm_intl.models.ContentVersion), which every save,
delete or relation change of content increases (ufm_intl/signals.py). So an edit shows on the next
request on every server, old entries simply stop being asked for, and nothing has to be deleted.
Logged-in editors bypass the cache: they may be previewing drafts.
"""

import functools
import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.translation import get_language

from ufm_intl.models import ContentVersion

CACHED_HEADERS = ("Content-Type", "Content-Language", "Content-Disposition")


def is_anonymous(request):
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return True
    return not request.user.is_authenticated


def cache_public_page(view):
    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD") or not is_anonymous(request):
            response = view(request, *args, **kwargs)
            patch_cache_control(response, private=True, no_cache=True)
            return response

        version = ContentVersion.current()
        key = "page:" + hashlib.sha256(f"{version}|{get_language()}|{request.get_full_path()}".encode()).hexdigest()
        entry = cache.get(key)
        if entry is None:
            response = view(request, *args, **kwargs)
            if hasattr(response, "render"):
                response = response.render()
            if response.status_code != 200 or response.streaming:
                return response
            etag = '"' + hashlib.sha256(response.content).hexdigest()[:32] + '"'
            headers = {name: response[name] for name in CACHED_HEADERS if name in response}
            entry = (response.content, headers, etag)
            cache.set(key, entry, settings.PAGE_CACHE_SECONDS)

        content, headers, etag = entry
        response = get_conditional_response(request, etag=etag) or HttpResponse(content, headers=headers)
        response["ETag"] = etag
        # Browsers must check back every time (a cheap 304), so an edit is never hidden behind their cache.
        patch_cache_control(response, no_cache=True, public=True)
        return response

    return wrapper
