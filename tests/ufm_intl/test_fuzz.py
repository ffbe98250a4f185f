"""Arbitrary paths, query strings, form posts, headers and cookies, and an editor's arbitrary admin filters,
look-ups and form values: never a 500, never a traceback."""

import re
from html import unescape
from urllib.parse import quote

import pytest
from django.contrib.admin import site
from django.core.files.base import ContentFile
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from agreements.models import AgreementDocument, BilateralAgreement
from tests.admin_helpers import form_data

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


COOKIE_NAMES = ["sessionid", "csrftoken", "django_language", "axes", ""]
cookie_text = st.text(st.characters(codec="latin-1", exclude_characters=";\r\n"), max_size=200)


@FUZZ
@given(path=st.sampled_from(PUBLIC_PATHS), cookies=st.lists(st.tuples(st.sampled_from(COOKIE_NAMES), cookie_text)))
def test_any_cookies(visitor, path, cookies):
    header = "; ".join(f"{name}={value}" for name, value in cookies)
    assert_no_server_error(visitor.get(path, HTTP_COOKIE=header))


# The editor's side: every list of the admin with any filter and order, and every form posted with anything.


def admin_lists():
    return [f"/admin/{model._meta.app_label}/{model._meta.model_name}/" for model in site._registry]


@pytest.fixture
def editor_browser(editor):
    browser = Client(raise_request_exception=False)
    browser.force_login(editor)
    return browser


@pytest.fixture
def list_parameters(editor_browser):
    """The parameters the admin's own filter, sort and page links use, from every list."""
    names = {"q", "o", "p", "e", "_to_field", "_popup", "_changelist_filters", "all"}
    for url in admin_lists():
        html = editor_browser.get(url).content.decode()
        names |= {unescape(name) for name in re.findall(r'href="\?([^"=&]+)=', html)}
        names |= {unescape(name) for name in re.findall(r'&amp;([^"=&;]+)=', html)}
    return sorted(names)


@FUZZ
@given(data=st.data())
def test_any_admin_list_parameters(editor_browser, list_parameters, data):
    url = data.draw(st.sampled_from(admin_lists()))
    params = data.draw(st.lists(st.tuples(st.sampled_from(list_parameters), text), max_size=4))
    query = "&".join(f"{quote(name)}={quote(value, safe='')}" for name, value in params)
    assert_no_server_error(editor_browser.get(f"{url}?{query}"))


@FUZZ
@given(
    field=st.sampled_from(["attache", "funding_partners", "activities", "focus_areas", "country", "x"]),
    term=text,
    page=text,
)
def test_any_autocomplete_request(editor_browser, field, term, page):
    query = f"app_label=centres&model_name=innovationcentre&field_name={field}&term={quote(term, safe='')}"
    assert_no_server_error(editor_browser.get(f"/admin/autocomplete/?{query}&page={quote(page, safe='')}"))


ADMIN_FORMS = settings(FUZZ, max_examples=30)


@pytest.fixture
def change_form(editor_browser, request, tmp_path):
    """A content type's change form, as the editor's browser would post it unchanged."""
    model = request.param
    item = model._default_manager.first()
    if item is None and model is AgreementDocument:
        # The seed content has no documents: one, stored in a folder of the test's own.
        request.getfixturevalue("settings").MEDIA_ROOT = tmp_path
        item = AgreementDocument(agreement=BilateralAgreement.objects.first(), title_en="Text", language="en")
        item.file.save("text.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"))
    assert item is not None, model
    url = f"/admin/{model._meta.app_label}/{model._meta.model_name}/{item.pk}/change/"
    response = editor_browser.get(url)
    assert response.status_code == 200
    return url, form_data(response)


@pytest.mark.parametrize(
    "change_form",
    [model for model in site._registry if model._meta.app_label in ("agreements", "centres", "contacts", "ufm_intl")],
    indirect=True,
    ids=str,
)
@ADMIN_FORMS
@given(data=st.data())
def test_any_value_posted_in_an_admin_form(editor_browser, change_form, data):
    url, shown = change_form
    names = data.draw(st.lists(st.sampled_from(sorted(shown)), min_size=1, max_size=3, unique=True))
    posted = dict(shown)
    for name in names:
        posted[name] = data.draw(st.one_of(text, st.lists(text, max_size=3)))
    assert_no_server_error(editor_browser.post(url, posted))
