"""The way in: the portal script's commands for a new checkout, and the admin's first page."""

import os
import sqlite3
import subprocess
from pathlib import Path

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


def test_admin_index_names_every_app_in_the_editors_language(seeded, admin_client):
    html = admin_client.get("/admin/").content.decode()
    assert "Login attempts" in html and "Two-factor authentication" in html
    assert ">Axes<" not in html and "Otp_Totp" not in html

    html = admin_client.get("/admin/", HTTP_ACCEPT_LANGUAGE="da").content.decode()
    assert "Loginforsøg" in html and "Totrinsgodkendelse" in html


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
