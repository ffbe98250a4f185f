"""A cached page is answered only where an uncached one would be (the right host, the right scheme), and the
cache cannot be made to grow without bound: very long query strings are not kept, pages with parameters briefly."""

import time

from django.db import connection
from django.test.utils import CaptureQueriesContext


def test_a_cached_page_is_not_answered_to_a_foreign_host(seeded, visitor):
    assert visitor.get("/en/").status_code == 200  # now cached
    response = visitor.get("/en/", HTTP_HOST="evil.example")
    assert response.status_code == 400


def test_a_page_cached_over_https_still_redirects_plain_http(seeded, visitor, settings):
    settings.SECURE_SSL_REDIRECT = True
    assert visitor.get("/en/", secure=True).status_code == 200  # now cached
    response = visitor.get("/en/")
    assert response.status_code == 301
    assert response["Location"] == "https://testserver/en/"


def test_each_host_gets_pages_with_its_own_addresses(seeded, visitor):
    first = visitor.get("/en/", HTTP_HOST="localhost")
    second = visitor.get("/en/", HTTP_HOST="127.0.0.1")
    assert first.status_code == second.status_code == 200
    assert b'href="http://localhost/en/"' in first.content
    assert b"http://localhost/" not in second.content


def test_a_made_up_session_cookie_does_not_skip_the_cache(seeded, visitor, django_assert_max_num_queries):
    assert visitor.get("/en/agreements/").status_code == 200  # now cached
    for made_up in ("x", "abcdefghijklmnopqrstuvwxyz012345"):
        visitor.cookies["sessionid"] = made_up
        # The session lookup and the content version, not the six queries of a render.
        with django_assert_max_num_queries(2):
            assert visitor.get("/en/agreements/").status_code == 200


def test_parameters_in_another_order_are_the_same_page(seeded, visitor, django_assert_max_num_queries):
    assert visitor.get("/en/agreements/?q=Tyskland&region=europe").status_code == 200
    with django_assert_max_num_queries(1):
        assert visitor.get("/en/agreements/?region=europe&q=Tyskland").status_code == 200


def renders(visitor, url):
    """Whether answering ``url`` rendered the page (ran its queries) rather than took it from the cache."""
    with CaptureQueriesContext(connection) as queries:
        assert visitor.get(url).status_code == 200
    return len(queries) > 2


def test_a_very_long_query_string_is_answered_but_not_cached(seeded, visitor):
    url = "/en/agreements/?q=Germany&x=" + "y" * 300
    assert visitor.get(url).status_code == 200
    assert renders(visitor, url)
    visitor.get("/en/agreements/?q=Germany&x=" + "y" * 200)
    assert not renders(visitor, "/en/agreements/?q=Germany&x=" + "y" * 200)  # cached by the first request


def test_pages_with_parameters_are_kept_a_minute_and_pages_without_ten(seeded, visitor, monkeypatch):
    for url in ("/en/agreements/", "/en/agreements/?region=europe"):
        assert visitor.get(url).status_code == 200  # now cached
    started = time.time()
    monkeypatch.setattr(time, "time", lambda: started + 61)

    assert not renders(visitor, "/en/agreements/")
    assert renders(visitor, "/en/agreements/?region=europe")
