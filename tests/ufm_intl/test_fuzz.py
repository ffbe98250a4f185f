"""Arbitrary paths, query strings, form posts and headers: never a 500, never a traceback."""

from urllib.parse import quote

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

PUBLIC_PATHS = [
    "/",
    "/en/",
    "/da/",
    "/en/centres/",
    "/da/centre/munchen/",
    "/en/agreements/",
    "/da/aftaler/",
    "/en/agreements/germany/",
    "/en/countries/de/",
    "/en/contacts/",
    "/en/contacts/karin-ilsoth-rasmussen.vcf",
    "/en/programmes/",
    "/en/accessibility/",
    "/en/data/",
    "/en/search/",
    "/da/data/",
    "/en/agreements/agreements.csv",
    "/en/agreements/agreements.json",
    "/en/centres/centres.csv",
    "/en/contacts/contacts.json",
    "/en/feed/",
    "/da/lande/de/feed/",
    "/api/v1/agreements/",
    "/api/v1/centres/",
    "/api/v1/contacts/",
    "/sitemap.xml",
    "/robots.txt",
    "/healthz",
    "/admin/login/",
]
PARAMETERS = ["q", "page", "funder", "region", "activity", "lang", "next", "p", "o"]

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

text = st.text(st.characters(codec="utf-8"), max_size=300)
raw_bytes = st.binary(max_size=200)


def assert_no_server_error(response):
    assert response.status_code < 500, response.status_code
    body = response.content.decode("utf-8", "replace")
    assert "Traceback" not in body


@pytest.fixture
def visitor(seeded):
    return Client(raise_request_exception=False)


@FUZZ
@given(path=st.sampled_from(PUBLIC_PATHS), params=st.lists(st.tuples(st.sampled_from(PARAMETERS), text), max_size=5))
def test_any_query_string(visitor, path, params):
    query = "&".join(f"{quote(k)}={quote(v, safe='')}" for k, v in params)
    assert_no_server_error(visitor.get(f"{path}?{query}"))


@FUZZ
@given(path=st.sampled_from(PUBLIC_PATHS), raw=raw_bytes)
def test_any_raw_query_bytes(visitor, path, raw):
    # Percent-encoded arbitrary bytes: invalid UTF-8, NUL bytes, wildcards.
    query = "q=" + "".join(f"%{b:02X}" for b in raw) + "&page=" + "".join(f"%{b:02X}" for b in raw[:5])
    assert_no_server_error(visitor.get(f"{path}?{query}"))


@FUZZ
@given(segment=text, language=st.sampled_from(["en", "da", "api/v1", "xx", ""]))
def test_any_path(visitor, segment, language):
    assert_no_server_error(visitor.get(f"/{language}/{quote(segment, safe='/')}"))


@FUZZ
@given(
    path=st.sampled_from(PUBLIC_PATHS),
    data=st.dictionaries(st.sampled_from(PARAMETERS + ["username", "password"]), text, max_size=4),
)
def test_any_form_post(visitor, path, data):
    assert_no_server_error(visitor.post(path, data))


@FUZZ
@given(
    path=st.sampled_from(PUBLIC_PATHS),
    accept_language=text,
    if_none_match=text,
    user_agent=text,
    host=st.sampled_from(["testserver", "localhost", "evil.example", "[::1]", "a" * 300, "testserver:99999"]),
)
def test_any_headers(visitor, path, accept_language, if_none_match, user_agent, host):
    clean = {
        k: v.encode("latin-1", "replace").decode("latin-1")
        for k, v in {"a": accept_language, "i": if_none_match, "u": user_agent}.items()
    }
    response = visitor.get(
        path,
        HTTP_ACCEPT_LANGUAGE=clean["a"],
        HTTP_IF_NONE_MATCH=clean["i"],
        HTTP_USER_AGENT=clean["u"],
        HTTP_HOST=host,
    )
    assert_no_server_error(response)
