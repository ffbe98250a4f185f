import re

import pytest
from django.contrib.auth.models import User
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from centres.models import InnovationCentre

EXPECTED_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}


@pytest.mark.parametrize(
    "url",
    [
        "/en/",
        "/da/aftaler/?q=Tyskland",
        "/en/nowhere/",
        "/api/v1/agreements/",
        "/admin/login/",
        "/sitemap.xml",
        "/static/ufm_intl/site.css",
    ],
)
def test_every_response_carries_the_security_headers(seeded, client, url):
    response = client.get(url)
    for header, value in EXPECTED_HEADERS.items():
        assert response[header] == value, (url, header)
    policy = response["Content-Security-Policy"]
    script_src = re.search(r"script-src ([^;]+)", policy).group(1)
    assert "'unsafe-inline'" not in script_src
    assert "frame-ancestors 'none'" in policy and "default-src 'self'" in policy
    assert "camera=()" in response["Permissions-Policy"]


def test_the_rich_text_editor_is_allowed_by_hash_not_by_unsafe_inline(seeded, editor_client):
    centre = InnovationCentre.objects.get(slug="munich")
    response = editor_client.get(f"/admin/centres/innovationcentre/{centre.pk}/change/")
    assert response.status_code == 200
    script_src = re.search(r"script-src ([^;]+)", response["Content-Security-Policy"]).group(1)
    assert "'sha256-" in script_src
    assert "'unsafe-inline'" not in script_src


def test_a_foreign_host_gets_400_in_the_layout(seeded):
    client = Client(raise_request_exception=False)
    response = client.get("/en/", HTTP_HOST="evil.example.com")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Bad request" in html and "evil.example.com" not in html


def login(client, username, password, **extra):
    return client.post("/admin/login/?next=/admin/", {"username": username, "password": password, **extra})


def test_failed_logins_lock_the_account_for_that_address(db, client, settings):
    User.objects.create_user("karin", password="the-right-password-42", is_staff=True)
    for _ in range(10):
        response = login(client, "karin", "wrong", REMOTE_ADDR="203.0.113.5")
    assert response.status_code == 429

    response = login(client, "karin", "the-right-password-42")
    assert response.status_code == 429
    assert "Too many failed logins" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_superuser_lifts_a_lockout(db, client, admin_client):
    User.objects.create_user("karin", password="the-right-password-42", is_staff=True)
    for _ in range(10):
        login(client, "karin", "wrong")
    changelist = admin_client.get("/admin/axes/accessattempt/").content.decode()
    assert "karin" in changelist

    admin_client.post(
        "/admin/axes/accessattempt/",
        {"action": "delete_selected", "select_across": "1", "index": "0", "_selected_action": ["1"], "post": "yes"},
    )

    assert login(client, "karin", "the-right-password-42").status_code == 302


def test_staff_with_an_authenticator_must_give_its_code(db, client):
    user = User.objects.create_user("sune", password="the-right-password-42", is_staff=True)
    device = TOTPDevice.objects.create(user=user, name="phone", confirmed=True)

    response = login(client, "sune", "the-right-password-42")
    assert response.status_code == 200
    assert "the code from your authenticator app if you have set one up" in response.content.decode()
    assert "_auth_user_id" not in client.session

    code = f"{totp(device.bin_key):06d}"
    assert login(client, "sune", "the-right-password-42", otp_token=code).status_code == 302


def test_superusers_can_be_required_to_use_two_factor(db, client, settings):
    settings.OTP_REQUIRED_FOR_SUPERUSERS = True
    User.objects.create_superuser("root", password="the-right-password-42")

    response = login(client, "root", "the-right-password-42")

    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_an_unverified_superuser_session_is_ended_when_two_factor_is_required(db, admin_client, settings):
    settings.OTP_REQUIRED_FOR_SUPERUSERS = True
    response = admin_client.get("/admin/")
    assert response.status_code == 302 and "/admin/login/" in response.url


def test_password_rules_and_session_expiry(settings):
    with pytest.raises(ValidationError):
        validate_password("short1")
    with pytest.raises(ValidationError):
        validate_password("password1234")
    validate_password("a-long-and-unusual-passphrase")
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE
    assert settings.SESSION_COOKIE_AGE <= 12 * 60 * 60
