import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_migrations_reverse_to_zero_and_apply_again(tmp_path):
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"} | {
        "DJANGO_SETTINGS_MODULE": "ufm_intl.settings",
        "DEBUG": "true",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'migrations.sqlite3'}",
    }

    def manage(*args):
        return subprocess.run(
            [sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True, text=True
        ).stdout

    manage("migrate", "--noinput")
    manage("seed_portal")
    for app in ["ufm_intl", "agreements", "centres", "contacts", "publishing"]:
        manage("migrate", app, "zero", "--noinput")
    manage("migrate", "--noinput")
    output = manage(
        "shell", "-v", "0", "-c",
        "from django.contrib.auth.models import Group; from publishing.models import ContentVersion;"
        "print(Group.objects.get(name='Editors').permissions.count(), ContentVersion.objects.count())",
    )  # fmt: skip
    permissions, versions = output.split()
    # Add, change and view of the nine content models and of agreement documents.
    assert int(permissions) == 35 and versions == "1"
