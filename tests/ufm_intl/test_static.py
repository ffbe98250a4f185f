"""Static files: hashed, compressed, cached for a year; and a first visit stays small."""

import os
import re
import subprocess
import sys
from pathlib import Path

from django.contrib.staticfiles import finders

ROOT = Path(__file__).resolve().parents[2]


def test_first_visit_html_css_and_js_is_under_100_kb(seeded, client):
    html = client.get("/en/").content
    total = len(html)
    assets = re.findall(rb'<(?:link rel="stylesheet"|script)[^>]+(?:href|src)="/static/([^"]+)"', html)
    assert assets, "the page links its stylesheet"
    for asset in assets:
        total += Path(finders.find(asset.decode())).stat().st_size
    assert total < 100_000, f"{total} bytes before compression"


def test_production_static_files_are_hashed_compressed_and_cached_for_a_year(tmp_path):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    } | {
        "SECRET_KEY": "static-test-" + "x" * 40,
        "DEBUG": "false",
        "ALLOWED_HOSTS": "testserver",
        "SECURE_SSL_REDIRECT": "false",
        "STATIC_ROOT": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
    }
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"], cwd=ROOT, env=env, check=True
    )
    hashed = [p for p in (tmp_path / "ufm_intl").glob("site.*.css") if not p.name.endswith((".gz", ".br"))]
    assert len(hashed) == 1
    assert Path(f"{hashed[0]}.br").exists() and Path(f"{hashed[0]}.gz").exists()

    script = (
        "from django.test import Client; from django.templatetags.static import static;"
        "url = static('ufm_intl/site.css'); r = Client().get(url, HTTP_ACCEPT_ENCODING='br');"
        "print(url, r.status_code, r['Cache-Control'], r.get('Content-Encoding'), sep='|')"
    )
    output = (
        subprocess.run(
            [sys.executable, "manage.py", "shell", "-v", "0", "-c", script],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )
        .stdout.strip()
        .split("|")
    )
    assert output[0] == f"/static/ufm_intl/{hashed[0].name}"
    assert output[1] == "200"
    assert "max-age=315360000" in output[2] and "immutable" in output[2]
    assert output[3] == "br"
