"""A cached page is answered only where an uncached one would be: the right host, the right scheme."""


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
