"""The packages form layers and depend only downwards, in imports and in migrations.

ufm_intl        the site: settings, URLs, site-wide pages, seed
centres  agreements     content apps, never depending on each other
contacts        a leaf among the content apps
publishing      the machinery every content app shares
"""

import subprocess
import sys
from pathlib import Path

from django.db.migrations.loader import MigrationLoader

ROOT = Path(__file__).resolve().parent.parent
LAYERS = {"ufm_intl": 3, "centres": 2, "agreements": 2, "contacts": 1, "publishing": 0}


def test_imports_only_point_down():
    lint_imports = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([lint_imports], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_migrations_only_depend_on_lower_layers():
    loader = MigrationLoader(None, ignore_no_migrations=True)
    upward = []
    for (app, name), migration in loader.disk_migrations.items():
        if app not in LAYERS:
            continue
        for dependency_app, _ in migration.dependencies:
            if dependency_app in LAYERS and dependency_app != app and LAYERS[dependency_app] >= LAYERS[app]:
                upward.append(f"{app}.{name} -> {dependency_app}")
    assert upward == []
