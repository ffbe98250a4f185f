"""Run a script with manage.py shell against a fresh, empty database of either kind.

For migration tests: the script migrates to an earlier state, adds content, migrates forward and prints
what it found as JSON on its last line.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PSQL = ["psql", "-h", "127.0.0.1", "-U", "postgres", "-q", "-c"]


def run_in_fresh_database(script, *, database, tmp_path, name):
    """Run ``script`` in a new SQLite file or PostgreSQL database (dropped afterwards); return its JSON."""
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"} | {
        "DJANGO_SETTINGS_MODULE": "ufm_intl.settings",
        "DEBUG": "true",
    }
    name = f"{name}_{os.getpid()}"
    if database == "sqlite":
        env["DATABASE_URL"] = f"sqlite:///{tmp_path / f'{name}.sqlite3'}"
    else:
        subprocess.run([*PSQL, f'CREATE DATABASE "{name}"', "postgres"], check=True)
        env["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{name}"
    try:
        result = subprocess.run(
            [sys.executable, "manage.py", "shell", "-v", "0", "-c", script],
            cwd=ROOT, env=env, capture_output=True, text=True,
        )  # fmt: skip
    finally:
        if database == "postgresql":
            subprocess.run([*PSQL, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)', "postgres"], check=True)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])
