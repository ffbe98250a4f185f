"""With a shared cache, each process answers from its own copy of a page while the content is unchanged.

The shared cache is a private Redis (tests/services.py) that the tests stop at will.
"""

import time

import pytest
from django.http import HttpResponse

from contacts.models import ContactPerson
from publishing import cache as page_cache
from tests.services import PrivateRedis


def entry(version, text):
    """A cache entry as publishing/cache.py stores it: (version, response, valid until, rendered at, refresh)."""
    return (version, HttpResponse(text), None, time.time(), 0)


@pytest.fixture(scope="module")
def redis():
    server = PrivateRedis()
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def shared_cache(redis, settings):
    if redis.process.poll() is not None:
        redis.start()
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": redis.url,
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.25, "SOCKET_TIMEOUT": 0.25},
        }
    }
    settings.CACHE_RETRY_SECONDS = 0
    page_cache.clear()
    yield redis
    if redis.process.poll() is not None:
        redis.start()
    page_cache.clear()


def test_a_page_is_answered_from_the_process_copy_even_with_the_shared_cache_gone(
    seeded, client, shared_cache, django_assert_num_queries
):
    first = client.get("/en/contacts/")
    assert first.status_code == 200
    assert shared_cache.keys() >= 1

    shared_cache.stop()
    with django_assert_num_queries(1):  # the content version; no render
        again = client.get("/en/contacts/")
    assert again.status_code == 200
    assert again.content == first.content


def test_an_edit_makes_the_process_copy_stale_at_once(seeded, client, shared_cache):
    assert "Karin" in client.get("/en/contacts/").content.decode()
    shared_cache.stop()

    person = ContactPerson.objects.get(name__startswith="Karin")
    person.name = person.name.replace("Karin", "Katrine")
    person.save()

    page = client.get("/en/contacts/").content.decode()
    assert "Katrine" in page
    assert "Karin " not in page


def test_a_page_rendered_by_another_process_is_taken_from_the_shared_cache(
    seeded, client, shared_cache, django_assert_num_queries
):
    first = client.get("/en/centres/")
    page_cache.forget_local_copies()  # as a process that has not answered it yet

    with django_assert_num_queries(1):  # the content version; the page comes from Redis
        second = client.get("/en/centres/")
    assert second.content == first.content
    shared_cache.stop()
    with django_assert_num_queries(1):  # and is now this process's own copy too
        assert client.get("/en/centres/").content == first.content


def test_without_a_shared_cache_there_is_no_second_copy(seeded, client, settings):
    # The local-memory cache is this process's memory already: a copy would only double it.
    assert page_cache.local_copies() is None
    assert client.get("/en/contacts/").status_code == 200
    assert page_cache._local_copies is None


def test_after_the_grace_period_a_process_copy_is_never_answered_for_a_newer_version(shared_cache, settings):
    # Within the grace period, a process that asked the shared cache moments ago answers its previous copy
    # without asking again; after it, it must take the new copy from the shared cache.
    settings.PAGE_CACHE_GRACE_SECONDS = 2
    old, new = "page:test-grace-old", "page:test-grace-new"
    page_cache.local_copies().set(old, entry(1, "previous copy"))

    recent = int((time.time() - 0.5) * 1_000_000)
    page_cache.page_store.set(old, entry(recent, "new copy"), 60)
    page_cache.mark_checked(old, recent)
    assert page_cache.stored_entry(old, recent, 60)[1].content == b"previous copy"  # no round trip

    long_ago = int((time.time() - 10) * 1_000_000)
    page_cache.local_copies().set(new, entry(1, "previous copy"))
    page_cache.page_store.set(new, entry(long_ago, "new copy"), 60)
    page_cache.mark_checked(new, long_ago)
    assert page_cache.stored_entry(new, long_ago, 60)[1].content == b"new copy"


def test_a_process_copy_older_than_the_shared_one_is_replaced_not_answered(shared_cache, settings):
    # The process answered the page two edits ago; another process has rendered it since. During the next
    # edit's grace period, visitors of this process get the shared copy, never the older one.
    settings.PAGE_CACHE_GRACE_SECONDS = 2
    key = "page:test-two-edits"
    before, edited, now = (int((time.time() - seconds) * 1_000_000) for seconds in (600, 300, 0.5))
    page_cache.local_copies().set(key, entry(before, "two edits ago"))
    page_cache.page_store.set(key, entry(edited, "one edit ago"), 60)

    for _ in range(3):
        assert page_cache.stored_entry(key, now, 60)[1].content == b"one edit ago"
        page_cache.mark_checked(key, now)


def test_large_pages_are_left_to_the_shared_cache(seeded, client, shared_cache, monkeypatch):
    monkeypatch.setattr(page_cache, "LOCAL_COPY_MAX_BYTES", 1000)
    assert client.get("/en/contacts/").status_code == 200  # larger than 1,000 bytes
    assert len(page_cache.local_copies()._cache) == 0
    assert shared_cache.keys() >= 1
