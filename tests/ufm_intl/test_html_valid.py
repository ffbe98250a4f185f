"""Every public page type, in both languages, is valid HTML according to the Nu HTML Checker (vnu).

The checker is the vnu-jar npm package (package.json, installed by ``./portal test`` with ``npm ci``);
it runs on the Java installed on the machine, once for all pages.
"""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from django.test import Client

from tests.pages import PAGE_TYPES, STATUS

ROOT = Path(__file__).resolve().parents[2]
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def vnu_errors(paths):
    if not VNU.exists():
        # A missing checker is an error, never a skip: ./portal test installs it.
        raise RuntimeError("The Nu HTML Checker is missing: run npm ci (./portal test does) to install vnu-jar.")
    java = shutil.which("java")
    if not java:
        raise RuntimeError("The Nu HTML Checker needs Java: apt-get install -y default-jre-headless")
    result = subprocess.run(
        [java, "-jar", str(VNU), "--format", "json", "--stdout", *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stdout)["messages"]
    return [m for m in messages if m["type"] == "error" or m.get("subType") == "fatal"]


@pytest.fixture
def rendered_pages(seeded, tmp_path):
    """Each page type in each language, as served, saved to a file for the checker."""
    client = Client()
    files = {}
    for name, urls in PAGE_TYPES.items():
        for language, url in urls.items():
            response = client.get(url)
            expected = STATUS.get(name, 200)
            assert response.status_code == expected, (url, response.status_code)
            path = tmp_path / f"{language}-{name}.html"
            path.write_bytes(response.content)
            files[path.name] = url
    return tmp_path, files


def test_every_page_type_is_valid_html_in_both_languages(rendered_pages):
    folder, files = rendered_pages

    errors = vnu_errors(sorted(folder.glob("*.html")))

    report = [f"{files[Path(e['url']).name]} line {e.get('lastLine')}: {e['message']}" for e in errors]
    assert not report, "\n".join(report)


def test_the_checker_finds_errors(tmp_path):
    """So that a passing check means something."""
    page = tmp_path / "invalid.html"
    page.write_text(
        '<!DOCTYPE html><html lang="en"><head><title>t</title></head><body>'
        '<time datetime="2026-11-28T07:46:00.123456+01:00">now</time><p><div></div></p></body></html>'
    )

    assert vnu_errors([page])
