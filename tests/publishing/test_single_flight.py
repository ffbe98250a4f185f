"""After an edit, one request renders each page while the others get the previous copy or wait for it."""

import threading
import time

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from publishing import cache, scheduling, versions
from publishing.cache import PublicPageCacheMiddleware

# The server closes each answer after sending it, which ends the request (request_finished) as in production.
pytestmark = pytest.mark.django_db


class SlowPage:
    """A view that takes a while to render and counts its renders."""

    def __init__(self):
        self.renders = 0
        self.delay = 0.2
        self.lock = threading.Lock()

    def __call__(self, request):
        with self.lock:
            self.renders += 1
            number = self.renders
        time.sleep(self.delay)
        response = HttpResponse(f"render {number}")
        response.cache_public = True
        return response


@pytest.fixture
def version(monkeypatch):
    """The content version, set by the test: ``version.set(seconds_ago)``."""

    class Version:
        value = int((time.time() - 60) * 1_000_000)

        def set(self, seconds_ago):
            self.value = int((time.time() - seconds_ago) * 1_000_000)

    current = Version()
    monkeypatch.setattr(versions, "current", lambda: current.value)
    # Nothing is scheduled: these tests are about the version alone (see tests/publishing/test_scheduling.py).
    monkeypatch.setattr(scheduling, "next_scheduled_change", lambda version=None: None)
    return current


def get(middleware):
    """A request as the server makes it: the answer is sent, then closed."""
    response = middleware(RequestFactory().get("/en/"))
    response.close()
    return response


def test_concurrent_misses_render_the_page_once(version):
    page = SlowPage()
    middleware = PublicPageCacheMiddleware(page)
    responses = []

    def visit():
        responses.append(get(middleware))

    threads = [threading.Thread(target=visit) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert page.renders == 1
    assert [(r.status_code, r.content) for r in responses] == [(200, b"render 1")] * 8


def test_during_a_re_render_visitors_get_the_previous_copy_within_the_grace_period(version, settings):
    settings.PAGE_CACHE_GRACE_SECONDS = 2
    page = SlowPage()
    middleware = PublicPageCacheMiddleware(page)
    assert get(middleware).content == b"render 1"

    version.set(seconds_ago=0.5)  # an edit half a second ago
    renderer = threading.Thread(target=get, args=(middleware,))
    renderer.start()
    time.sleep(0.05)  # the first request after the edit is rendering the new copy
    started = time.monotonic()
    response = get(middleware)
    assert response.content == b"render 1"
    assert time.monotonic() - started < 0.1  # answered at once, not after the render
    renderer.join()
    assert get(middleware).content == b"render 2"
    assert page.renders == 2


def test_the_first_visitor_after_an_edit_gets_the_previous_copy_and_the_page_is_rendered_after(version, settings):
    settings.PAGE_CACHE_GRACE_SECONDS = 2
    page = SlowPage()
    middleware = PublicPageCacheMiddleware(page)
    assert get(middleware).content == b"render 1"

    version.set(seconds_ago=0.5)
    response = middleware(RequestFactory().get("/en/"))
    assert response.content == b"render 1"
    assert page.renders == 1  # nothing rendered before the answer is sent
    response.close()  # the server has sent it
    assert page.renders == 2
    assert get(middleware).content == b"render 2"
    assert page.renders == 2


def test_after_an_edit_pages_are_rendered_again_one_at_a_time(version, settings, monkeypatch):
    # So that the other workers keep answering rather than all rendering at once.
    settings.PAGE_CACHE_GRACE_SECONDS = 2
    settings.PAGE_CACHE_REVALIDATIONS = 1
    pages = {"/en/": SlowPage(), "/en/centres/": SlowPage()}
    middleware = PublicPageCacheMiddleware(lambda request: pages[request.path](request))
    for path in pages:
        middleware(RequestFactory().get(path)).close()

    version.set(seconds_ago=0.5)
    first = middleware(RequestFactory().get("/en/"))  # takes the slot; rendered once it is sent
    second = middleware(RequestFactory().get("/en/centres/"))
    assert (first.content, second.content) == (b"render 1", b"render 1")
    second.close()
    assert pages["/en/centres/"].renders == 1  # waits its turn, its visitors get the previous copy
    first.close()
    assert pages["/en/"].renders == 2

    # The slot is free again; this process tried for it moments ago and tries again a little later.
    monkeypatch.setattr(cache, "RECHECK_SECONDS", 0.05)
    time.sleep(0.05)
    third = middleware(RequestFactory().get("/en/centres/"))
    assert third.content == b"render 1"
    third.close()
    assert pages["/en/centres/"].renders == 2
    assert get(middleware).content == b"render 2"


def test_after_the_grace_period_visitors_wait_for_the_new_copy(version, settings):
    settings.PAGE_CACHE_GRACE_SECONDS = 2
    page = SlowPage()
    middleware = PublicPageCacheMiddleware(page)
    assert get(middleware).content == b"render 1"

    version.set(seconds_ago=10)  # a change older than the grace period: the old copy must not be shown
    renderer = threading.Thread(target=get, args=(middleware,))
    renderer.start()
    time.sleep(0.05)
    response = get(middleware)
    renderer.join()
    assert response.content == b"render 2"
    assert page.renders == 2


def test_an_entry_of_another_version_is_never_fresh(version):
    page = SlowPage()
    middleware = PublicPageCacheMiddleware(page)
    assert get(middleware).content == b"render 1"
    # A restored database goes back to an earlier version: the copy rendered after it is not served as fresh.
    version.value -= 1_000_000
    assert get(middleware).content == b"render 2"


class CostlyPage(SlowPage):
    """A view marked as ``cache_public_page(refresh_seconds=...)`` marks its answers."""

    def __init__(self, refresh_seconds):
        super().__init__()
        self.refresh_seconds = refresh_seconds

    def __call__(self, request):
        response = super().__call__(request)
        response.cache_refresh_seconds = self.refresh_seconds
        return response


def test_a_costly_page_is_not_re_rendered_for_every_edit_within_its_refresh_time(version, monkeypatch):
    page = CostlyPage(refresh_seconds=300)
    middleware = PublicPageCacheMiddleware(page)
    assert get(middleware).content == b"render 1"
    for seconds_ago in (3, 2, 1):  # a series of edits
        version.set(seconds_ago=seconds_ago)
        assert get(middleware).content == b"render 1"
    assert page.renders == 1

    later = time.time() + 301
    monkeypatch.setattr(time, "time", lambda: later)
    assert get(middleware).content == b"render 2"


def test_a_render_that_takes_too_long_is_not_started_again_by_every_waiting_request(version, settings):
    settings.PAGE_CACHE_GRACE_SECONDS = 0
    settings.PAGE_CACHE_LOCK_SECONDS = 0.3
    page = SlowPage()
    middleware = PublicPageCacheMiddleware(page)
    assert get(middleware).content == b"render 1"

    version.set(seconds_ago=10)
    page.delay = 0.6  # longer than anyone may wait for it
    renderer = threading.Thread(target=get, args=(middleware,))
    renderer.start()
    time.sleep(0.05)
    assert get(middleware).content == b"render 1"  # the previous copy, after waiting for the render
    renderer.join()
    assert page.renders == 2
