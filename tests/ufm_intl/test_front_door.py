"""The way in: the portal script's commands for a new checkout, and the admin's first page."""

import os
import re
import sqlite3
import subprocess
from html import unescape
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)


def shell_env(**variables):
    """The environment of a fresh shell: no SECRET_KEY, DEBUG or settings module from the test run."""
    return {"PATH": os.environ["PATH"], "HOME": os.environ.get("HOME", "/tmp"), "LANG": "C.UTF-8", **variables}


def test_portal_createsuperuser_creates_an_account_without_a_secret_key(tmp_path):
    database = f"sqlite:///{tmp_path / 'portal.sqlite3'}"
    subprocess.run(
        [ROOT / ".venv/bin/python", "manage.py", "migrate", "--noinput"],
        cwd=ROOT,
        env=shell_env(DATABASE_URL=database, DEBUG="true"),
        check=True,
        capture_output=True,
    )

    result = subprocess.run(
        [ROOT / "portal", "createsuperuser", "--noinput", "--username", "x", "--email", "x@example.org"],
        cwd=ROOT,
        env=shell_env(DATABASE_URL=database, DJANGO_SUPERUSER_PASSWORD="correct-horse-battery-staple"),
        capture_output=True,
        text=True,
    )

    assert result.returncode == 0, result.stderr
    assert "Superuser created successfully." in result.stdout
    with sqlite3.connect(tmp_path / "portal.sqlite3") as connection:
        users = connection.execute("SELECT username, email, is_staff, is_superuser FROM auth_user").fetchall()
    assert users == [("x", "x@example.org", 1, 1)]


def test_portal_names_the_command_that_creates_the_first_account():
    result = subprocess.run([ROOT / "portal"], cwd=ROOT, env=shell_env(), capture_output=True, text=True)

    assert result.returncode == 2
    assert "./portal createsuperuser [ARGS]" in result.stdout
    serve_banner = next(line for line in (ROOT / "portal").read_text().splitlines() if "serving at" in line)
    assert "create an account with: ./portal createsuperuser" in serve_banner
    assert "manage.py createsuperuser" not in serve_banner


OWN_APPS = {"agreements", "centres", "contacts", "publishing", "ufm_intl"}


def app_captions(html):
    """The admin index's app sections: {app label: the caption editors read}."""
    sections = re.findall(
        r'<div class="app-(\w+) module[^"]*">\s*<table>\s*<caption>\s*<a [^>]*>([^<]*)</a>\s*</caption>', html
    )
    return {label: unescape(caption).strip() for label, caption in sections}


@pytest.mark.parametrize(
    ("language", "login_attempts", "two_factor"),
    [("en", "Login attempts", "Two-factor authentication"), ("da", "Loginforsøg", "Totrinsgodkendelse")],
)
def test_admin_index_names_every_app_in_the_editors_language(
    seeded, admin_client, language, login_attempts, two_factor
):
    captions = app_captions(admin_client.get("/admin/", HTTP_ACCEPT_LANGUAGE=language).content.decode())

    assert captions["axes"] == login_attempts
    assert captions["otp_totp"] == two_factor
    # A package's app without a name of ours would be captioned with its label ("Axes", "Otp_Totp").
    packages = {label: caption for label, caption in captions.items() if label not in OWN_APPS}
    assert packages and not {caption for label, caption in packages.items() if caption.lower() == label.lower()}
    assert not [caption for caption in captions.values() if "_" in caption or caption.lower() in ("axes", "otp totp")]


def test_admin_index_captions_are_translated_for_danish_editors(seeded, admin_client):
    english = app_captions(admin_client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en").content.decode())
    danish = app_captions(admin_client.get("/admin/", HTTP_ACCEPT_LANGUAGE="da").content.decode())

    assert set(danish) == set(english) and {"agreements", "centres", "contacts", "axes", "otp_totp"} <= set(english)
    assert danish["agreements"] == "Bilaterale aftaler"
    assert not {label for label in english if danish[label] == english[label]}, danish


def test_an_editor_refused_an_action_gets_the_admins_403_page_in_their_language(editor_client):
    from agreements.models import BilateralAgreement

    agreement = BilateralAgreement.objects.first()
    response = editor_client.get(
        f"/admin/agreements/bilateralagreement/{agreement.pk}/delete/", HTTP_ACCEPT_LANGUAGE="da"
    )
    assert response.status_code == 403
    content = response.content.decode()
    assert 'id="site-name"' in content  # the admin's own header
    assert "Ikke tilladt" in content and "afpublicerer" in content
