"""The portal under real failures: its own PostgreSQL and Redis, stopped, stalled and started again.

One production-configured gunicorn (publishing/cache.py, publishing/outages.py, publishing/versions.py)
runs against a private PostgreSQL and a private Redis (tests/services.py); the shared servers are never
touched. Visitors must never get a 500: pages in the cache keep answering, the rest answer 503 with
Retry-After, and everything recovers by itself.
"""

import itertools
import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from bench.run import production_env
from tests.services import PrivatePostgres, PrivateRedis, free_port, wait_for_port

ROOT = Path(__file__).resolve().parents[2]
WARM = ["/en/", "/en/agreements/", "/api/v1/agreements/"]
COLD = ["/en/contacts/", "/api/v1/centres/"]


def fetch(url, timeout=10):
    """(status, headers, body) of a GET, whatever the status."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 - loopback only
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


def eventually(check, timeout=15):
    deadline = time.monotonic() + timeout
    while True:
        result = check()
        if result or time.monotonic() > deadline:
            return result
        time.sleep(0.2)


class Portal:
    def __init__(self, tmp_path):
        self.pg = PrivatePostgres()
        self.redis = PrivateRedis()
        self.port = free_port()
        self.env = production_env(tmp_path) | {
            "DATABASE_URL": self.pg.url,
            "CACHE_URL": self.redis.url,
            "ALLOWED_HOSTS": "127.0.0.1",
            "WEB_CONCURRENCY": "2",
            "BIND": f"127.0.0.1:{self.port}",
            "CACHE_RETRY_SECONDS": "1",
            "PAGE_CACHE_WARM_ORIGIN": f"http://127.0.0.1:{self.port}",
            "LOG_LEVEL": "WARNING",
        }
        self.env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        self.server = None

    def start(self):
        self.pg.init()
        self.redis.start()
        for command in (["migrate", "--noinput"], ["seed_portal"], ["collectstatic", "--noinput"]):
            subprocess.run(
                [sys.executable, "manage.py", *command], cwd=ROOT, env=self.env, check=True, capture_output=True
            )
        self.log = open(self.pg.directory / "gunicorn.log", "w")  # noqa: SIM115 - closed in stop()
        self.server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "python:ufm_intl.gunicorn_conf", "ufm_intl.wsgi:application"],
            cwd=ROOT, env=self.env, stdout=self.log, stderr=subprocess.STDOUT,
        )  # fmt: skip
        wait_for_port(self.port)

    def stop(self):
        if self.server:
            self.server.terminate()
            self.server.wait(timeout=30)
            self.log.close()
        self.redis.stop()
        self.pg.remove()

    def get(self, path, timeout=10):
        return fetch(f"http://127.0.0.1:{self.port}{path}", timeout)

    def shell(self, code):
        subprocess.run(
            [sys.executable, "manage.py", "shell", "-v", "0", "-c", code], cwd=ROOT, env=self.env, check=True
        )

    def server_errors(self):
        """Access-log lines of answers 500 and up, but for the 503s of an outage."""
        log = (self.pg.directory / "gunicorn.log").read_text()
        return [line for line in log.splitlines() if re.search(r" status=5(?!03)\d\d ", line)]


@pytest.fixture(scope="module")
def portal(tmp_path_factory):
    portal = Portal(tmp_path_factory.mktemp("portal"))
    try:
        portal.start()
        yield portal
    finally:
        portal.stop()


def test_the_main_pages_are_in_the_cache_before_the_port_opens(portal):
    # Seven main pages in two languages, the three API lists and the sitemap, rendered by gunicorn's
    # master before it listens: the first visitor, the moment the port accepts, is answered from the cache.
    assert portal.redis.keys() >= 18


def test_with_redis_down_every_page_still_answers_and_the_cache_comes_back(portal):
    for path in WARM:
        assert portal.get(path)[0] == 200
    assert portal.redis.keys() > 0

    portal.redis.stop()
    try:
        for _ in range(3):
            for path in WARM + COLD:
                started = time.monotonic()
                status, _, body = portal.get(path)
                assert status == 200, (path, body[:300])
                assert time.monotonic() - started < 2
        status, _, body = portal.get("/healthz")
        assert status == 200
        assert json.loads(body) == {"status": "degraded", "database": "ok", "cache": "unavailable"}
    finally:
        portal.redis.start()

    # The new, empty Redis is used again within the retry interval, without a restart. (Pages answered
    # during the outage are each worker's own copies; a page not asked for yet is rendered into Redis.)
    attempts = itertools.count()
    assert eventually(lambda: portal.get(f"/en/?attempt={next(attempts)}")[0] == 200 and portal.redis.keys() > 0)
    assert json.loads(portal.get("/healthz")[2])["status"] == "ok"


def test_a_hung_redis_is_skipped_after_a_short_timeout(portal):
    assert portal.get("/en/")[0] == 200
    os.kill(portal.redis.process.pid, signal.SIGSTOP)  # accepts connections, never answers
    try:
        started = time.monotonic()
        for _ in range(10):
            for path in WARM + COLD:
                assert portal.get(path)[0] == 200
        # 50 pages, with at most a few 0.25 s timeouts per worker and retry interval.
        assert time.monotonic() - started < 10
    finally:
        os.kill(portal.redis.process.pid, signal.SIGCONT)
    assert eventually(lambda: json.loads(portal.get("/healthz")[2])["cache"] == "ok")
    time.sleep(1.5)  # every worker's retry interval (CACHE_RETRY_SECONDS) has passed: the cache is used again


def test_with_postgresql_down_cached_pages_answer_and_the_rest_is_503(portal):
    for path in WARM:
        assert portal.get(path)[0] == 200

    portal.pg.stop()
    try:
        for path in WARM:
            status, headers, body = portal.get(path)
            assert status == 200, (path, body[:300])
        # A page no visitor has asked for yet (pages answered in the tests before may be cached).
        status, headers, body = portal.get("/en/agreements/?q=Japan")
        assert status == 503
        assert int(headers["Retry-After"]) > 0
        assert 'class="skip-link"' in body and "unavailable for a moment" in body
        status, headers, body = portal.get("/api/v1/centres/?page=1")
        assert status == 503 and headers["Content-Type"] == "application/json"
        assert "error" in json.loads(body)
        status, _, body = portal.get("/healthz")
        assert status == 503
        assert json.loads(body)["database"] == "unavailable"
    finally:
        portal.pg.start()

    # Back within seconds, without restarting the app server: stale connections are checked and replaced.
    assert eventually(lambda: all(portal.get(path)[0] == 200 for path in COLD + ["/healthz"]))
    assert portal.server_errors() == []


def test_a_stalled_version_listener_does_not_hide_edits(portal):
    assert "Bilateral agreement with Germany" in portal.get("/en/agreements/")[2]
    listeners = eventually(
        lambda: portal.pg.psql(
            "SELECT pid FROM pg_stat_activity WHERE application_name = 'ufm-intl content version listener'"
        ).split()
    )
    assert listeners, "the app server listens for content changes"
    for pid in listeners:
        os.kill(int(pid), signal.SIGSTOP)  # the connection stays open but nothing arrives
    try:
        portal.shell(
            "from agreements.models import BilateralAgreement;"
            "a = BilateralAgreement.objects.get(slug='germany'); a.title_en = 'Agreement with Germany, renewed'; a.save()"
        )
        assert eventually(lambda: "Agreement with Germany, renewed" in portal.get("/en/agreements/")[2], timeout=15)
    finally:
        for pid in listeners:
            os.kill(int(pid), signal.SIGCONT)
