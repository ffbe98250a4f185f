import json
import os
import tempfile
from pathlib import Path

from django.contrib.auth.hashers import make_password
from django.core.management import call_command
from django.core.management.base import BaseCommand

from ufm_intl import backup_files

# Content types and permissions are rebuilt by migrate; sessions are live logins, never written out.
EXCLUDED = ["contenttypes", "auth.permission", "sessions", "publishing.contentversion"]
# Account secrets and the login log: only with --include-accounts.
ACCOUNT_SECRETS = ["axes", "otp_totp"]


def write_privately(path, text):
    """Write ``text`` to ``path`` readable by its owner only, whatever the umask or an earlier file's mode."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as file:
        os.fchmod(file.fileno(), 0o600)
        file.write(text)


class Command(BaseCommand):
    help = (
        "Write the portal's content, its full history, the accounts and groups to a JSON file (mode 0600), "
        "on any database, and the uploaded files (documents, images) to a tar archive next to it "
        "(<output>.files.tar). Passwords, authenticator keys and the login log only with --include-accounts."
    )

    def add_arguments(self, parser):
        parser.add_argument("output", help="The file to write, e.g. backups/portal-2026-11-28.json")
        parser.add_argument(
            "--include-accounts",
            action="store_true",
            help="Also write password hashes, authenticator (TOTP) keys and the login attempts and lockouts.",
        )

    def handle(self, *args, **options):
        include_accounts = options["include_accounts"]
        excluded = EXCLUDED + ([] if include_accounts else ACCOUNT_SECRETS)
        exclusions = [arg for app in excluded for arg in ("--exclude", app)]
        # dumpdata writes into a folder only we can read; the backup is written from there.
        with tempfile.TemporaryDirectory() as folder:
            dump = Path(folder) / "dump.json"
            call_command("dumpdata", "--natural-foreign", "--natural-primary", *exclusions, "--output", str(dump))
            rows = json.loads(dump.read_text(encoding="utf-8"))
        if not include_accounts:
            # The accounts stay (history names its authors), but nobody can log in with a restored one
            # until a password is set for it.
            for row in rows:
                if row["model"] == "auth.user":
                    row["fields"]["password"] = make_password(None)
        write_privately(options["output"], json.dumps(rows, indent=1, ensure_ascii=False))
        archive = backup_files.archive_path(options["output"])
        missing = backup_files.write_archive(archive, backup_files.stored_names())
        for name in missing:
            self.stderr.write(f"Missing from the file storage, not in the backup: {name}")
        what = "with" if include_accounts else "without"
        self.stdout.write(
            self.style.SUCCESS(f"Backup written to {options['output']} ({what} account secrets) and {archive}")
        )
