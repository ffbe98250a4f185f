"""What a second attack in production mode found, each answered: throttling behind the proxy, no 500 on
any input, rich text and links cleaned where they are shown, logs that cannot be forged, security
headers on error pages, private backups, and an honest login with two-factor for every editor.
"""

import io
import json
import logging
import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from unittest import mock

import pytest
from axes.models import AccessAttempt, AccessLog
from django.contrib.admin import site
from django.contrib.auth.models import User
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.backends.db import SessionStore
from django.core.handlers.wsgi import WSGIHandler
from django.core.management import CommandError, call_command
from django.core.signals import request_started
from django.db import OperationalError, close_old_connections
from django.test import Client, RequestFactory
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from agreements.models import BilateralAgreement, FundingPartner
from bench.run import production_env
from centres.models import InnovationCentre
from publishing.richtext import rich_text, safe_url
from tests.admin_helpers import form_data
from tests.services import free_port
from ufm_intl.logs import escape
from ufm_intl.models import Page

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "the-right-password-42"
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}


def production_settings(names, **env):
    """Settings as production computes them from the environment (DEBUG off, nothing else set)."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DEBUG", "SECURE_COOKIES", "SECURE_SSL_REDIRECT", "PROXY_COUNT", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    environment |= {
        "DJANGO_SETTINGS_MODULE": "ufm_intl.settings",
        "SECRET_KEY": "a-long-random-production-secret-" + "x" * 40,
        "ALLOWED_HOSTS": "international.example.dk",
        **env,
    }
    script = (
        "import json, django; from django.conf import settings; django.setup();"
        f"print(json.dumps({{name: getattr(settings, name, None) for name in {names!r}}}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def login(client, username, password, next_url="/admin/", **extra):
    return client.post(f"/admin/login/?next={next_url}", {"username": username, "password": password}, **extra)


def error_notes(response):
    return re.findall(r'<p class="errornote">\s*(.*?)\s*</p>', response.content.decode(), re.S)


# --- 2. Login throttling behind the proxy -----------------------------------------------------------

IPWARE_SETTINGS = [
    "AXES_IPWARE_PROXY_COUNT",
    "AXES_IPWARE_META_PRECEDENCE_ORDER",
    "AXES_IPWARE_PROXY_ORDER",
    "IPWARE_STRICT",
]


def test_behind_the_proxy_failures_lock_out_the_client_address_not_everyone(db, settings):
    for name, value in production_settings(IPWARE_SETTINGS, PROXY_COUNT="1").items():
        setattr(settings, name, tuple(value) if isinstance(value, list) else value)
    User.objects.create_user("karin", password=PASSWORD, is_staff=True)
    proxy = {"REMOTE_ADDR": "10.0.0.2"}

    # Ten failures from client A, as nginx reports it (it appends the address it saw).
    for _ in range(10):
        response = login(Client(), "karin", "wrong", HTTP_X_FORWARDED_FOR="198.51.100.7", **proxy)
    assert response.status_code == 429
    assert login(Client(), "karin", PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.7", **proxy).status_code == 429

    # An attacker who writes client B's address into the header is still counted as himself.
    for _ in range(10):
        login(Client(), "karin", "wrong", HTTP_X_FORWARDED_FOR="203.0.113.9, 198.51.100.8", **proxy)

    # Client B, behind the same proxy, logs in.
    assert login(Client(), "karin", PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.9", **proxy).status_code == 302
    locked = set(AccessAttempt.objects.filter(username="karin").values_list("ip_address", flat=True))
    assert locked == {"198.51.100.7", "198.51.100.8"}


def test_without_a_proxy_the_connecting_address_counts():
    found = production_settings(IPWARE_SETTINGS)
    assert found["AXES_IPWARE_META_PRECEDENCE_ORDER"] == ["REMOTE_ADDR"]


# --- 3. No 500 on any input ---------------------------------------------------------------------------

NUL_SESSION_COOKIE = 'sessionid="abcdefghij\\000klmnopqrstuvwxyz"'


@pytest.mark.parametrize("url", ["/en/", "/da/aftaler/", "/admin/login/", "/api/v1/centres/"])
def test_a_session_cookie_holding_a_nul_byte_is_ignored_and_deleted(seeded, url):
    response = Client(raise_request_exception=False).get(url, HTTP_COOKIE=NUL_SESSION_COOKIE)

    assert response.status_code == 200
    assert response.cookies["sessionid"].value == ""
    assert response.cookies["sessionid"]["max-age"] == 0


@pytest.mark.parametrize(
    "url",
    [
        "/admin/agreements/bilateralagreement/?country__exact=%00",
        "/admin/agreements/bilateralagreement/?q=%00",
        "/admin/autocomplete/?app_label=agreements&model_name=bilateralagreement&field_name=funding_partners&term=%00",
        "/admin/agreements/bilateralagreement/{pk}/history/%00/",
        "/admin/agreements/bilateralagreement/{pk}/change/%00",
    ],
)
def test_a_nul_byte_anywhere_in_the_admin_answers_400(seeded, admin_client, url):
    agreement = BilateralAgreement.objects.first()
    response = admin_client.get(url.format(pk=agreement.pk))

    assert response.status_code == 400
    assert "Null characters are not allowed." in response.content.decode()


def test_a_nul_byte_in_posted_data_answers_400_in_the_layout(seeded, client):
    response = client.post("/admin/login/", {"username": "karin\x00", "password": "x"})

    assert response.status_code == 400
    html = response.content.decode()
    assert "Null characters are not allowed." in html and 'class="skip-link"' in html
    assert not AccessAttempt.objects.exists()


def test_a_nul_byte_in_an_api_query_answers_400_json(seeded, client):
    response = client.get("/api/v1/agreements/?funder=%00")

    assert response.status_code == 400
    assert response.json() == {"error": "Null characters are not allowed."}


def test_a_history_version_that_is_not_a_number_is_not_found(seeded, admin_client):
    agreement = BilateralAgreement.objects.first()
    response = admin_client.get(f"/admin/agreements/bilateralagreement/{agreement.pk}/history/abc/")

    assert response.status_code == 404
    version = agreement.history.first()
    ok = admin_client.get(f"/admin/agreements/bilateralagreement/{agreement.pk}/history/{version.history_id}/")
    assert ok.status_code == 200


@pytest.mark.parametrize("bad", ["abc", "1.5", "99999999999999999999999"])
def test_a_history_address_typed_by_hand_with_no_possible_key_is_not_found(seeded, admin_client, bad):
    agreement = BilateralAgreement.objects.first()
    version = agreement.history.first()
    for url in (
        f"/admin/agreements/bilateralagreement/{bad}/history/",
        f"/admin/agreements/bilateralagreement/{bad}/history/{version.history_id}/",
        f"/admin/agreements/bilateralagreement/{agreement.pk}/history/{bad}/",
        f"/admin/centres/innovationcentre/{bad}/history/",
        f"/admin/agreements/countryalias/{bad}/history/",
    ):
        assert admin_client.get(url).status_code == 404, url


def autocomplete_fields():
    """Every autocomplete picker in the admin, as (model admin, field name)."""
    return [(model_admin, name) for model_admin in site._registry.values() for name in model_admin.autocomplete_fields]


@pytest.mark.parametrize("chosen", ["abc", "1.5", "99999999999999999999999", "1 OR 1=1"])
def test_a_picker_posted_with_something_other_than_an_id_is_refused_by_the_form(seeded, admin_client, chosen):
    pickers = autocomplete_fields()
    assert pickers, "the admin has autocomplete pickers"
    for model_admin, name in pickers:
        opts = model_admin.model._meta
        item = model_admin.model.objects.first()
        url = f"/admin/{opts.app_label}/{opts.model_name}/{item.pk}/change/"
        data = form_data(admin_client.get(url))
        field = model_admin.model._meta.get_field(name)
        data[name] = [chosen] if field.many_to_many else chosen

        response = admin_client.post(url, data)

        assert response.status_code == 200, (url, name, response.status_code)
        errors = response.context["adminform"].form.errors
        assert name in errors, (url, name, errors)
        assert "Select a valid choice" in str(errors[name])


def test_a_user_name_longer_than_any_account_is_a_failed_login_not_an_error(db, client):
    response = login(client, "a" * 300, "whatever")

    assert response.status_code == 200
    assert "Please enter the correct username and password" in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert not AccessAttempt.objects.exists()


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("/en/centres/?page=999", "There is no page 999. The last page is 1."),
        ("/en/centres/?page=abc", "The page number must be a whole number."),
        ("/en/contacts/?page=999", "There is no page 999. The last page is 1."),
        ("/en/contacts/?page=0", "The page number must be 1 or more."),
        ("/en/agreements/?page=999", "There is no page 999. The last page is 1."),
    ],
)
def test_every_list_answers_a_bad_page_with_400_and_the_reason_in_the_layout(seeded, client, url, message):
    response = client.get(url)

    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert 'class="skip-link"' in html and "site-footer" in html


@pytest.mark.parametrize("url", ["/en/centres/", "/en/centres/?page=1", "/en/contacts/?page=1"])
def test_the_first_page_of_a_list_is_still_shown(seeded, client, url, django_assert_max_num_queries):
    with django_assert_max_num_queries(12):
        response = client.get(url)
    assert response.status_code == 200
    assert "There is a problem" not in response.content.decode()


@pytest.mark.parametrize(
    "url", ["/api/v1/agreements/?lang=de", "/api/v1/centres/?lang=xx", "/api/v1/contacts/?lang=DA"]
)
def test_the_api_refuses_a_language_it_does_not_speak(seeded, client, url):
    response = client.get(url)

    assert response.status_code == 400
    assert response.json() == {"error": "The language must be one of: en, da."}


def test_the_api_still_speaks_both_languages(seeded, client):
    assert client.get("/api/v1/centres/?lang=da").status_code == 200
    assert client.get("/api/v1/centres/?lang=en").status_code == 200
    assert client.get("/api/v1/centres/?lang=").status_code == 200


POSTGRES_SCRIPT = r"""
import json
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import Client
from agreements.models import BilateralAgreement

call_command("migrate", verbosity=0)
call_command("seed_portal", verbosity=0)
User.objects.create_superuser("root", password="the-right-password-42")
cookie = 'sessionid="abcdefghij\\000klmnopqrstuvwxyz"'
visitor = Client(raise_request_exception=False)
statuses = {
    "page with NUL cookie": visitor.get("/en/", HTTP_COOKIE=cookie).status_code,
    "login with NUL cookie": visitor.get("/admin/login/", HTTP_COOKIE=cookie).status_code,
    "long user name": visitor.post("/admin/login/", {"username": "a" * 300, "password": "x"}).status_code,
    "NUL in user name": visitor.post("/admin/login/", {"username": "a\x00b", "password": "x"}).status_code,
}
admin = Client(raise_request_exception=False)
admin.force_login(User.objects.get(username="root"))
pk = BilateralAgreement.objects.first().pk
for name, url in {
    "list filter": "/admin/agreements/bilateralagreement/?country__exact=%00",
    "search": "/admin/agreements/bilateralagreement/?q=%00",
    "autocomplete": "/admin/autocomplete/?app_label=agreements&model_name=bilateralagreement"
    "&field_name=funding_partners&term=%00",
    "history NUL": f"/admin/agreements/bilateralagreement/{pk}/history/%00/",
    "history abc": f"/admin/agreements/bilateralagreement/{pk}/history/abc/",
}.items():
    statuses[name] = admin.get(url).status_code
print(json.dumps(statuses))
"""


def test_on_postgresql_no_input_is_a_server_error(tmp_path):
    """PostgreSQL, unlike SQLite, refuses NUL bytes and over-long values: so this runs on it whatever
    database the suite runs on, in a database of its own."""
    name = f"ufm_security_{os.getpid()}"
    psql = ["psql", "-h", "127.0.0.1", "-U", "postgres", "-q", "-c"]
    subprocess.run([*psql, f'CREATE DATABASE "{name}"', "postgres"], check=True)
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_ALLOW_ASYNC_UNSAFE"} | {
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{name}",
    }
    try:
        result = subprocess.run(
            [sys.executable, "manage.py", "shell", "-v", "0", "-c", POSTGRES_SCRIPT],
            cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
        )  # fmt: skip
    finally:
        subprocess.run([*psql, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)', "postgres"], check=True)
    assert result.returncode == 0, result.stderr
    statuses = json.loads(result.stdout.strip().splitlines()[-1])
    assert statuses == {
        "page with NUL cookie": 200,
        "login with NUL cookie": 200,
        "long user name": 200,
        "NUL in user name": 400,
        "list filter": 400,
        "search": 400,
        "autocomplete": 400,
        "history NUL": 400,
        "history abc": 404,
    }


# --- 4. Rich text and links are cleaned where they are shown ----------------------------------------

SCRIPTED = (
    '<p onclick="alert(1)">Hello</p><script>alert("body")</script>'
    '<img src="x" onerror="alert(2)"><a href="javascript:alert(3)">link</a>'
)


def assert_clean(html):
    assert "<script>alert" not in html
    assert "javascript:" not in html.lower()
    assert "onclick" not in html and "onerror" not in html


def test_markup_stored_by_a_queryset_update_is_cleaned_on_the_page(seeded, client):
    centre = InnovationCentre.objects.get(slug="munich")
    InnovationCentre.objects.filter(pk=centre.pk).update(body_en=SCRIPTED, website="javascript:alert(document.cookie)")
    Page.objects.filter(key=Page.Key.OVERVIEW).update(body_en=SCRIPTED)

    for url in [centre.get_absolute_url(), "/en/"]:
        response = client.get(url)
        assert response.status_code == 200
        html = response.content.decode()
        assert_clean(html)
    assert "<p>Hello</p>" in client.get(centre.get_absolute_url()).content.decode()


def test_a_javascript_website_is_not_a_link_wherever_it_is_shown(seeded, client):
    agreement = BilateralAgreement.objects.filter(funding_partners__isnull=False).first()
    partner = agreement.funding_partners.first()
    FundingPartner.objects.filter(pk=partner.pk).update(website=" JaVa\tScript:alert(1)")
    centre = InnovationCentre.objects.get(slug="munich")
    InnovationCentre.objects.filter(pk=centre.pk).update(website="javascript:alert(1)")

    agreement_html = client.get(agreement.get_absolute_url()).content.decode()
    assert "alert(1)" not in agreement_html
    assert str(partner.name) in agreement_html
    centre_html = client.get(centre.get_absolute_url()).content.decode()
    assert "alert(1)" not in centre_html  # neither as a link nor in the structured data


def test_markup_loaded_by_bulk_create_is_cleaned_on_the_page(seeded, client):
    InnovationCentre.objects.bulk_create(
        [
            InnovationCentre(
                name_en="Innovation Centre Denmark Nowhere", slug="nowhere", city_en="Nowhere", country="FR",
                body_en=SCRIPTED, is_published=True,
            )
        ]
    )  # fmt: skip
    html = client.get(InnovationCentre.objects.get(slug="nowhere").get_absolute_url()).content.decode()
    assert_clean(html)
    assert "<p>Hello</p>" in html


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("https://www.icdk.dk/", "https://www.icdk.dk/"),
        ("http://example.org/a?b=c", "http://example.org/a?b=c"),
        ("mailto:kra@ufm.dk", "mailto:kra@ufm.dk"),
        ("tel:+4572318213", "tel:+4572318213"),
        ("javascript:alert(1)", ""),
        (" \x01JAVASCRIPT:alert(1)", ""),
        ("java\nscript:alert(1)", ""),
        ("data:text/html,<script>alert(1)</script>", ""),
        ("vbscript:msgbox(1)", ""),
        ("", ""),
        (None, ""),
    ],
)
def test_only_http_mail_and_phone_links_are_safe(url, shown):
    assert safe_url(url) == shown


def test_cleaned_rich_text_is_kept_by_its_hash():
    first = rich_text("<p>Same text</p><script>x</script>")
    assert first == "<p>Same text</p>"
    assert rich_text("<p>Same text</p><script>x</script>") is first


# --- 5. Logs and process control --------------------------------------------------------------------


def test_a_refused_request_is_logged_as_a_warning_without_a_traceback(seeded, admin_client):
    handler = next(h for h in logging.getLogger("django.security").handlers if h.get_name() == "security")
    stream = io.StringIO()
    previous = handler.setStream(stream)
    try:
        response = admin_client.get("/admin/centres/innovationcentre/?_to_field=password")
    finally:
        handler.setStream(previous)

    assert response.status_code == 400
    log = stream.getvalue()
    assert "level=WARNING logger=django.security.DisallowedModelAdminToField" in log
    assert "level=ERROR" not in log and "Traceback" not in log


def test_access_log_values_are_escaped():
    # gunicorn itself escapes the quotes.
    assert escape('/a\nb\r"c\\d\x1b[31m\x85') == '/a\\x0ab\\x0d"c\\\\d\\x1b[31m\\x85'
    assert escape("/da/aftaler/münchen") == "/da/aftaler/münchen"


def test_the_application_log_messages_stay_on_their_line(seeded):
    handler = next(h for h in logging.getLogger("django.request").handlers if h.get_name() == "stdout")
    stream = io.StringIO()
    previous = handler.setStream(stream)
    try:
        logging.getLogger("django.request").warning("Not found: %s", "/en/\ntime=forged level=ERROR")
    finally:
        handler.setStream(previous)
    [line] = stream.getvalue().splitlines()
    assert line.endswith("message=Not found: /en/\\x0atime=forged level=ERROR")


def test_an_error_with_its_traceback_is_one_log_line(seeded):
    handler = next(h for h in logging.getLogger("django.request").handlers if h.get_name() == "stdout")
    stream = io.StringIO()
    previous = handler.setStream(stream)
    try:
        try:
            raise ValueError('broken "quote"\ntime=forged level=ERROR')
        except ValueError:
            logging.getLogger("django.request").exception("Internal Server Error: %s", "/en/")
    finally:
        handler.setStream(previous)
    [line] = stream.getvalue().splitlines()
    assert "level=ERROR logger=django.request message=Internal Server Error: /en/ exception=" in line
    assert "Traceback (most recent call last):\\x0a" in line
    assert 'ValueError: broken \\"quote\\"\\x0atime=forged level=ERROR"' in line


def test_gunicorn_writes_one_escaped_line_per_request_and_no_control_socket(tmp_path):
    port = free_port()
    env = production_env(tmp_path) | {
        "DATABASE_URL": f"sqlite:///{tmp_path / 'empty.sqlite3'}",
        "BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": "1",
        "HOME": str(tmp_path),
        "PAGE_CACHE_WARM_ORIGIN": "",
    }
    env.pop("XDG_RUNTIME_DIR", None)
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    log_path = tmp_path / "gunicorn.log"
    with open(log_path, "w") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "python:ufm_intl.gunicorn_conf", "ufm_intl.wsgi:application"],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
        try:
            url = f"http://127.0.0.1:{port}/robots.txt%0Atime=forged%20level=ERROR%22?x=%0Dy%22"
            deadline = time.monotonic() + 30
            while True:
                try:
                    urllib.request.urlopen(url, timeout=5)  # noqa: S310 - loopback only
                    break
                except urllib.error.HTTPError:
                    break
                except OSError:
                    assert time.monotonic() < deadline, log_path.read_text()
                    time.sleep(0.2)
            time.sleep(0.5)
        finally:
            server.terminate()
            server.wait(timeout=30)

    lines = log_path.read_text().splitlines()
    assert not any(line.startswith("time=forged") for line in lines)
    [access] = [line for line in lines if "logger=gunicorn.access" in line and "robots.txt" in line]
    assert 'path="/robots.txt\\x0atime=forged level=ERROR\\""' in access
    assert 'query="x=%0Dy%22"' in access
    assert not (tmp_path / ".gunicorn").exists()


# --- 6. Security headers on every answer; methods; the language cookie --------------------------------


def assert_security_headers(response):
    for header, value in SECURITY_HEADERS.items():
        assert response[header] == value, header
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert "camera=()" in response["Permissions-Policy"]


def test_a_500_raised_outside_the_header_middleware_still_carries_the_headers(seeded):
    visitor = Client(raise_request_exception=False)
    with mock.patch("publishing.cache.page_key", side_effect=RuntimeError("boom")):
        response = visitor.get("/en/")

    assert response.status_code == 500
    assert "boom" not in response.content.decode()
    assert_security_headers(response)


def test_the_503_of_the_page_cache_carries_the_headers(seeded):
    with mock.patch("publishing.versions.current", side_effect=OperationalError("connection refused")):
        response = Client().get("/en/programmes/")

    assert response.status_code == 503
    assert_security_headers(response)


def test_when_the_500_page_itself_fails_a_plain_500_with_the_headers_is_answered(seeded):
    visitor = Client(raise_request_exception=False)
    with (
        mock.patch("ufm_intl.views.OverviewView.get_context_data", side_effect=RuntimeError("boom")),
        mock.patch("ufm_intl.views.render", side_effect=RuntimeError("no template")),
        mock.patch.object(logging.getLogger("ufm_intl.middleware"), "error"),
    ):
        response = visitor.get("/en/")

    assert response.status_code == 500
    html = response.content.decode()
    assert "Sorry, there is a problem with the service" in html
    assert "boom" not in html and "no template" not in html
    assert_security_headers(response)


def test_head_on_the_api_is_answered_like_get_cached_or_not(seeded, client):
    first = client.head("/api/v1/centres/")
    assert first.status_code == 200 and first.content == b""
    # The answer cached for the HEAD is the whole answer.
    assert client.get("/api/v1/centres/").json()["count"] == 7
    assert client.head("/api/v1/centres/").status_code == 200


@pytest.mark.parametrize("method", ["TRACE", "POST", "PUT", "DELETE"])
@pytest.mark.parametrize(
    "url",
    [
        "/sitemap.xml",
        "/api/v1/centres/",
        "/robots.txt",
        "/en/contacts/karin-ilsoth-rasmussen.vcf",
        "/en/agreements/agreements.csv",
        "/en/centres/centres.json",
    ],
)
def test_read_only_addresses_refuse_other_methods(seeded, url, method):
    response = Client().generic(method, url)
    assert response.status_code == 405
    assert set(response["Allow"].split(", ")) == {"GET", "HEAD"}


@pytest.mark.parametrize(
    "url", ["/sitemap.xml", "/robots.txt", "/healthz", "/en/agreements/agreements.csv", "/en/contacts/contacts.json"]
)
def test_head_on_read_only_addresses(seeded, client, url):
    assert client.head(url).status_code == 200


def wsgi_answer(method, url):
    """What the application hands the server (the test client removes a HEAD body itself)."""
    started = {}

    def start_response(status, headers, exc_info=None):
        started.update(status=status, headers=dict(headers))

    # As the test client does: the test's database connection stays open, inside its transaction.
    request_started.disconnect(close_old_connections)
    try:
        body = b"".join(WSGIHandler()(RequestFactory().generic(method, url).environ, start_response))
    finally:
        request_started.connect(close_old_connections)
    return started["status"], started["headers"], body


@pytest.mark.parametrize("url", ["/en/", "/en/agreements/", "/api/v1/agreements/", "/en/nowhere/", "/sitemap.xml"])
def test_an_answer_to_head_has_the_headers_of_get_and_no_body(seeded, url):
    get_status, get_headers, get_body = wsgi_answer("GET", url)
    head_status, head_headers, head_body = wsgi_answer("HEAD", url)

    assert head_status == get_status and get_body
    assert head_body == b""
    assert head_headers["Content-Length"] == get_headers["Content-Length"] == str(len(get_body))
    assert head_headers["Content-Type"] == get_headers["Content-Type"]


def test_the_language_cookie_is_http_only_and_same_site(seeded, client, settings):
    response = client.post("/i18n/setlang/", {"language": "da", "next": "/da/"})

    cookie = response.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert cookie.value == "da"
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"
    assert bool(cookie["secure"]) == settings.SESSION_COOKIE_SECURE


def test_in_production_the_language_cookie_is_only_sent_over_https():
    found = production_settings(["LANGUAGE_COOKIE_SECURE", "LANGUAGE_COOKIE_SAMESITE", "LANGUAGE_COOKIE_HTTPONLY"])
    assert found == {
        "LANGUAGE_COOKIE_SECURE": True,
        "LANGUAGE_COOKIE_SAMESITE": "Lax",
        "LANGUAGE_COOKIE_HTTPONLY": True,
    }


# --- 7. Backups -------------------------------------------------------------------------------------


@pytest.fixture
def accounts(seeded):
    """An editor with a password and an authenticator, a session and a failed login on record."""
    user = User.objects.create_user("sune", password=PASSWORD, is_staff=True)
    TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    session = SessionStore()
    session["_auth_user_id"] = str(user.pk)
    session.create()
    AccessAttempt.objects.create(username="sune", ip_address="203.0.113.5", user_agent="x", failures_since_start=1)
    AccessLog.objects.create(username="sune", ip_address="203.0.113.5", user_agent="x")
    return user


def backup_rows(path):
    return json.loads(Path(path).read_text(encoding="utf-8"))


def test_a_backup_is_readable_by_its_owner_only(seeded, tmp_path):
    backup = tmp_path / "backup.json"
    backup.write_text("old")
    backup.chmod(0o644)
    previous = os.umask(0o022)
    try:
        call_command("backup_portal", str(backup), stdout=io.StringIO())
    finally:
        os.umask(previous)
    assert backup.stat().st_mode & 0o777 == 0o600
    assert backup_rows(backup)


def test_a_backup_leaves_secrets_out_unless_accounts_are_asked_for(accounts, tmp_path):
    plain, full = tmp_path / "plain.json", tmp_path / "full.json"
    call_command("backup_portal", str(plain), stdout=io.StringIO())
    call_command("backup_portal", str(full), "--include-accounts", stdout=io.StringIO())

    plain_rows, full_rows = backup_rows(plain), backup_rows(full)
    plain_models = {row["model"] for row in plain_rows}
    assert not plain_models & {"sessions.session", "otp_totp.totpdevice", "axes.accessattempt", "axes.accesslog"}
    [user] = [row for row in plain_rows if row["model"] == "auth.user" and row["fields"]["username"] == "sune"]
    assert user["fields"]["password"].startswith("!")  # unusable: no hash in the file
    assert accounts.password not in plain.read_text()

    full_models = {row["model"] for row in full_rows}
    assert {"otp_totp.totpdevice", "axes.accessattempt", "axes.accesslog"} <= full_models
    assert "sessions.session" not in full_models
    [user] = [row for row in full_rows if row["model"] == "auth.user" and row["fields"]["username"] == "sune"]
    assert user["fields"]["password"] == accounts.password


def test_restoring_into_a_database_that_holds_data_is_refused(seeded, tmp_path):
    backup = tmp_path / "backup.json"
    call_command("backup_portal", str(backup), stdout=io.StringIO())
    InnovationCentre.objects.filter(slug="munich").update(summary_en="Changed since the backup")

    with pytest.raises(CommandError, match="already holds content.*--replace"):
        call_command("restore_portal", str(backup), stdout=io.StringIO())

    assert InnovationCentre.objects.get(slug="munich").summary_en == "Changed since the backup"


def test_restore_with_replace_replaces_everything_and_merges_nothing(seeded, tmp_path):
    backup = tmp_path / "backup.json"
    centre = InnovationCentre.objects.get(slug="munich")
    original_summary = centre.summary_en
    call_command("backup_portal", str(backup), stdout=io.StringIO())
    InnovationCentre.objects.filter(pk=centre.pk).update(summary_en="Changed since the backup")
    InnovationCentre.objects.create(name_en="Only in this database", slug="only-here", country="FR")
    User.objects.create_user("newcomer", password=PASSWORD)

    call_command("restore_portal", str(backup), "--replace", stdout=io.StringIO())

    assert InnovationCentre.objects.get(slug="munich").summary_en == original_summary
    assert not InnovationCentre.objects.filter(slug="only-here").exists()
    assert not User.objects.filter(username="newcomer").exists()
    assert InnovationCentre.objects.count() == 7


def test_a_replace_keeps_the_content_type_ids_the_running_servers_know(seeded, tmp_path, visitor):
    backup = tmp_path / "backup.json"
    call_command("backup_portal", str(backup), stdout=io.StringIO())
    # A running server has read the ids (ContentType.objects keeps them) and does not read them again.
    ContentType.objects.get_for_model(BilateralAgreement)
    before = set(ContentType.objects.values_list("pk", "app_label", "model"))

    call_command("restore_portal", str(backup), "--replace", stdout=io.StringIO())

    assert set(ContentType.objects.values_list("pk", "app_label", "model")) == before
    # A rename after the restore records a redirect that leads to the agreement.
    agreement = BilateralAgreement.objects.get(slug_en="japan")
    agreement.slug_en = "nippon"
    agreement.save()
    response = visitor.get("/en/agreements/japan/")
    assert response.status_code == 301 and response["Location"] == "/en/agreements/nippon/"


def test_a_replace_that_fails_leaves_the_database_as_it_was(seeded, tmp_path):
    backup = tmp_path / "backup.json"
    call_command("backup_portal", str(backup), stdout=io.StringIO())
    rows = backup_rows(backup) + [{"model": "centres.innovationcentre", "fields": {"no_such_field": 1}}]
    backup.write_text(json.dumps(rows))
    InnovationCentre.objects.create(name_en="Only in this database", slug="only-here", country="FR")
    count = InnovationCentre.objects.count()

    with pytest.raises(Exception, match="no_such_field"):
        call_command("restore_portal", str(backup), "--replace", stdout=io.StringIO())

    assert InnovationCentre.objects.count() == count
    assert InnovationCentre.objects.filter(slug="only-here").exists()


# --- 9. Login and two-factor ------------------------------------------------------------------------


def test_a_wrong_code_gets_the_same_message_as_a_wrong_password(db, client):
    user = User.objects.create_user("sune", password=PASSWORD, is_staff=True)
    device = TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    wrong_code = f"{(totp(device.bin_key) + 1) % 1_000_000:06d}"

    wrong_password = login(client, "sune", "not-the-password", otp_token=wrong_code)
    right_password_wrong_code = client.post(
        "/admin/login/?next=/admin/", {"username": "sune", "password": PASSWORD, "otp_token": wrong_code}
    )

    assert wrong_password.status_code == right_password_wrong_code.status_code == 200
    assert error_notes(right_password_wrong_code) == error_notes(wrong_password)
    assert "Please enter the correct username and password" in error_notes(wrong_password)[0]
    assert "_auth_user_id" not in client.session


def test_a_missing_code_does_not_tell_whether_the_password_was_right(db, client):
    user = User.objects.create_user("sune", password=PASSWORD, is_staff=True)
    TOTPDevice.objects.create(user=user, name="phone", confirmed=True)

    wrong_password = login(client, "sune", "not-the-password")
    right_password_no_code = login(client, "sune", PASSWORD)

    assert wrong_password.status_code == right_password_no_code.status_code == 200
    assert error_notes(right_password_no_code) == error_notes(wrong_password)
    assert "_auth_user_id" not in client.session


def test_a_missing_code_counts_towards_the_lockout(db, client):
    user = User.objects.create_user("sune", password=PASSWORD, is_staff=True)
    TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    for _ in range(10):
        response = client.post("/admin/login/", {"username": "sune", "password": PASSWORD})
    assert response.status_code == 429


def test_wrong_codes_count_towards_the_lockout(db, client):
    user = User.objects.create_user("sune", password=PASSWORD, is_staff=True)
    device = TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    wrong_code = f"{(totp(device.bin_key) + 1) % 1_000_000:06d}"
    for _ in range(10):
        response = client.post("/admin/login/", {"username": "sune", "password": PASSWORD, "otp_token": wrong_code})
    assert response.status_code == 429


def test_a_refused_next_address_sends_the_user_to_the_admin_index(db, client):
    User.objects.create_user("karin", password=PASSWORD, is_staff=True)

    response = login(client, "karin", PASSWORD, next_url="https://evil.example/")

    assert response.status_code == 302
    assert response.url == "/admin/"


def test_every_staff_account_can_be_required_to_use_two_factor(editor, settings):
    settings.OTP_REQUIRED_FOR_STAFF = True
    without_device = Client()
    response = login(without_device, "editor", "correct-horse-battery-staple")
    assert response.status_code == 200
    assert "_auth_user_id" not in without_device.session

    device = TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)
    with_device = Client()
    response = with_device.post(
        "/admin/login/?next=/admin/",
        {"username": "editor", "password": "correct-horse-battery-staple", "otp_token": f"{totp(device.bin_key):06d}"},
    )
    assert response.status_code == 302
    assert with_device.get("/admin/").status_code == 200


def test_an_unverified_editor_session_is_ended_when_two_factor_is_required(editor_client, settings):
    settings.OTP_REQUIRED_FOR_STAFF = True
    response = editor_client.get("/admin/")
    assert response.status_code == 302 and "/admin/login/" in response.url


def test_the_superuser_setting_alone_leaves_editors_alone(editor_client, settings):
    settings.OTP_REQUIRED_FOR_SUPERUSERS = True
    assert editor_client.get("/admin/").status_code == 200


def test_an_editor_sets_up_two_factor_with_a_qr_code_and_a_code(editor, editor_client):
    index = editor_client.get("/admin/").content.decode()
    assert 'href="/admin/two-factor/"' in index

    page = editor_client.get("/admin/two-factor/")
    assert page.status_code == 200
    html = page.content.decode()
    device = TOTPDevice.objects.get(user=editor, confirmed=False)
    assert re.search(r"<svg[^>]*>.*<path d=\"M", html, re.S)
    assert " ".join(re.findall(r"<code class=\"two-factor-key\">([A-Z2-7 ]+)</code>", html)).replace(" ", "")
    assert 'src="http' not in html and "googleapis" not in html
    assert page["Content-Security-Policy"]

    wrong = editor_client.post("/admin/two-factor/", {"token": f"{(totp(device.bin_key) + 1) % 1_000_000:06d}"})
    assert wrong.status_code == 200
    assert "That code is not right." in wrong.content.decode()
    device.refresh_from_db()
    assert not device.confirmed

    device.throttling_failure_count = 0
    device.save()
    right = editor_client.post("/admin/two-factor/", {"token": f"{totp(device.bin_key):06d}"})
    assert right.status_code == 302 and right.url == "/admin/"
    device.refresh_from_db()
    assert device.confirmed

    # From now on the editor's login asks for the code.
    visitor = Client()
    assert login(visitor, "editor", "correct-horse-battery-staple").status_code == 200
    assert "_auth_user_id" not in visitor.session


def test_a_new_authenticator_replaces_the_old_one(editor, client):
    old = TOTPDevice.objects.create(user=editor, name="old phone", confirmed=True)
    client.post(
        "/admin/login/",
        {"username": "editor", "password": "correct-horse-battery-staple", "otp_token": f"{totp(old.bin_key):06d}"},
    )
    assert client.get("/admin/two-factor/").status_code == 200
    new = TOTPDevice.objects.get(user=editor, confirmed=False)

    response = client.post("/admin/two-factor/", {"token": f"{totp(new.bin_key):06d}"})

    assert response.status_code == 302
    assert list(TOTPDevice.objects.filter(user=editor)) == [new]


def test_the_two_factor_page_is_for_staff_only(db, client):
    User.objects.create_user("visitor", password=PASSWORD)
    client.force_login(User.objects.get(username="visitor"))
    response = client.get("/admin/two-factor/")
    assert response.status_code == 302 and "/admin/login/" in response.url
    assert not TOTPDevice.objects.exists()
