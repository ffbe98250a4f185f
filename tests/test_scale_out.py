"""Two app servers (gunicorn) on one PostgreSQL and one Redis: an edit through one shows through the other.

Needs the PostgreSQL and Redis that run on this machine and in CI (127.0.0.1:5432 and :6379); if either
is missing the test fails rather than skips.
"""

import http.cookiejar
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from bench.run import free_port, production_env
from publishing.versions import APPLICATION_NAME

ROOT = Path(__file__).resolve().parent.parent
PG = {"host": "127.0.0.1", "port": 5432, "user": "postgres"}


def psql(sql):
    subprocess.run(
        ["psql", "-h", PG["host"], "-U", PG["user"], "-q", "-v", "ON_ERROR_STOP=1", "-c", sql, "postgres"], check=True
    )


class Browser:
    """A tiny cookie-keeping HTTP client, enough to use the admin."""

    def __init__(self):
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def get(self, url):
        try:
            with self.opener.open(url, timeout=10) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def post(self, url, data):
        status, html = self.get(url)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
        body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": token}, doseq=True).encode()
        try:
            with self.opener.open(
                urllib.request.Request(url, data=body, headers={"Referer": url}), timeout=10
            ) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()


def wait_until_up(url, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)  # noqa: S310 - loopback only
            return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not start")


@pytest.fixture
def deployment(tmp_path):
    name = f"ufm_scale_{os.getpid()}_{int(time.time())}"
    redis_db = 1 + os.getpid() % 14
    env = production_env(tmp_path) | {
        "DATABASE_URL": f"postgres://{PG['user']}@{PG['host']}:{PG['port']}/{name}",
        "CACHE_URL": f"redis://127.0.0.1:6379/{redis_db}",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_COOKIES": "false",
        "WEB_CONCURRENCY": "2",
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    psql(f'CREATE DATABASE "{name}"')
    servers = []
    try:
        manage = [sys.executable, "manage.py"]
        subprocess.run([*manage, "migrate", "--noinput"], cwd=ROOT, env=env, check=True, capture_output=True)
        subprocess.run([*manage, "seed_portal"], cwd=ROOT, env=env, check=True, capture_output=True)
        subprocess.run([*manage, "collectstatic", "--noinput"], cwd=ROOT, env=env, check=True, capture_output=True)
        subprocess.run(
            [*manage, "shell", "-v", "0", "-c", "from django.contrib.auth.models import User; User.objects.create_superuser('ops', password='scale-out-passphrase-42')"
             # The seed tags no centre with a focus area; the edit below needs one that shows.
             "; from centres.models import FocusArea, InnovationCentre"
             "; InnovationCentre.objects.get(slug='munich').focus_areas.add(FocusArea.objects.get(slug='green-technologies'))"],
            cwd=ROOT, env=env, check=True, capture_output=True,
        )  # fmt: skip
        subprocess.run(["redis-cli", "-n", str(redis_db), "FLUSHDB"], check=True, capture_output=True)

        def start(database_url=None):
            port = free_port()
            server_env = env | ({"DATABASE_URL": database_url} if database_url else {}) | {"BIND": f"127.0.0.1:{port}"}
            process = subprocess.Popen(
                [sys.executable, "-m", "gunicorn", "-c", "python:ufm_intl.gunicorn_conf", "ufm_intl.wsgi:application"],
                cwd=ROOT, env=server_env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            )  # fmt: skip
            servers.append(process)
            url = f"http://127.0.0.1:{port}"
            wait_until_up(url + "/healthz")
            return url

        start.database = name
        yield start
    finally:
        for process in servers:
            process.terminate()
            process.wait(timeout=30)
        psql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_an_edit_through_one_server_shows_through_the_other(deployment):
    first, second = deployment(), deployment()
    visitor = Browser()
    assert "Green technologies" in visitor.get(f"{second}/en/centres/munich/")[1]  # now cached in Redis
    assert "Green technologies" in visitor.get(f"{first}/en/centres/munich/")[1]

    editor = Browser()
    status, _ = editor.post(
        f"{first}/admin/login/?next=/admin/", {"username": "ops", "password": "scale-out-passphrase-42"}
    )
    assert status == 200
    status, html = editor.get(f"{first}/admin/centres/focusarea/?q=green")
    change_url = re.search(r'href="(/admin/centres/focusarea/\d+/change/[^"]*)"', html).group(1)
    status, html = editor.post(
        first + change_url,
        {
            "name_en": "Green and climate technologies",
            "name_da": "Grønne teknologier",
            "slug": "green-technologies",
            "position": "1",
            "_save": "Save",
        },
    )
    assert status == 200 and "was changed successfully" in html

    # Visitors may get the previous copy while the page is rendered anew, for PAGE_CACHE_GRACE_SECONDS (2 s).
    deadline = time.monotonic() + 2 + 1
    for path in ("/en/centres/munich/", "/api/v1/centres/"):
        while "Green and climate technologies" not in visitor.get(f"{second}{path}")[1]:
            assert time.monotonic() < deadline, f"{path} still shows the previous copy after the grace period"
            time.sleep(0.1)

    # The servers learnt of the edit from PostgreSQL's notification, not by asking on every request.
    listening = subprocess.run(
        ["psql", "-h", PG["host"], "-U", PG["user"], "-tA", "-c",
         f"SELECT count(*) FROM pg_stat_activity WHERE datname = '{deployment.database}' AND application_name = '{APPLICATION_NAME}'",
         "postgres"],
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    assert int(listening) >= 2


def test_healthz_reports_a_stopped_database(deployment):
    healthy = deployment()
    assert Browser().get(f"{healthy}/healthz")[0] == 200

    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        dead_port = unused.getsockname()[1]
    stopped = deployment(f"postgres://postgres@127.0.0.1:{dead_port}/nothing")
    status, body = Browser().get(f"{stopped}/healthz")
    assert status == 503
    assert '"database": "unavailable"' in body
