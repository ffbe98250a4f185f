"""The content version is known without a query, yet an edit from another process is seen at once.

The test database lives in memory (and, on PostgreSQL, its transactions never commit), so these tests
use a database file of their own and separate processes, as app servers do.
"""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import subprocess, sys
from django.db import connection
from django.test.utils import CaptureQueriesContext
from publishing import versions

before = versions.current()
with CaptureQueriesContext(connection) as queries:
    again = versions.current()
edit = "from publishing import versions; versions.bump()"
subprocess.run([sys.executable, "manage.py", "shell", "-v", "0", "-c", edit], check=True)
after = versions.current()
print(before, again, len(queries), after)
"""


def test_sqlite_version_is_known_without_a_query_and_follows_other_processes(tmp_path):
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"} | {
        "DJANGO_SETTINGS_MODULE": "ufm_intl.settings",
        "DEBUG": "true",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'version.sqlite3'}",
    }
    subprocess.run([sys.executable, "manage.py", "migrate", "-v", "0"], cwd=ROOT, env=env, check=True)

    output = subprocess.run(
        [sys.executable, "manage.py", "shell", "-v", "0", "-c", SCRIPT],
        cwd=ROOT, env=env, check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip

    before, again, queries, after = map(int, output.split())
    assert again == before
    assert queries == 0
    assert after > before


PG_SCRIPT = """
import subprocess, sys, time
from django.db import connection
from django.test.utils import CaptureQueriesContext
from publishing import versions

before = versions.current()  # starts this process's listener
deadline = time.monotonic() + 10
while versions._listener.version is None and time.monotonic() < deadline:
    time.sleep(0.01)
with CaptureQueriesContext(connection) as queries:
    again = versions.current()
edit = "from publishing import versions; versions.bump()"
subprocess.run([sys.executable, "manage.py", "shell", "-v", "0", "-c", edit], check=True)
waited = time.monotonic()
while versions.current() == before and time.monotonic() - waited < 5:
    time.sleep(0.001)
print(before, again, len(queries), versions.current(), round((time.monotonic() - waited) * 1000))
"""


def test_postgresql_listener_knows_the_version_and_hears_edits_from_other_processes(tmp_path):
    name = f"ufm_versionwatch_{os.getpid()}"
    psql = ["psql", "-h", "127.0.0.1", "-U", "postgres", "-q", "-c"]
    subprocess.run([*psql, f'CREATE DATABASE "{name}"', "postgres"], check=True)
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"} | {
        "DJANGO_SETTINGS_MODULE": "ufm_intl.settings",
        "DEBUG": "true",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{name}",
    }
    try:
        subprocess.run([sys.executable, "manage.py", "migrate", "-v", "0"], cwd=ROOT, env=env, check=True)
        output = subprocess.run(
            [sys.executable, "manage.py", "shell", "-v", "0", "-c", PG_SCRIPT],
            cwd=ROOT, env=env, check=True, capture_output=True, text=True,
        ).stdout  # fmt: skip
    finally:
        subprocess.run([*psql, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)', "postgres"], check=True)

    before, again, queries, after, milliseconds = map(int, output.split())
    assert again == before and queries == 0
    assert after > before
    assert milliseconds < 100
