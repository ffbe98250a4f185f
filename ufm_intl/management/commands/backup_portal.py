from django.core.management import call_command
from django.core.management.base import BaseCommand

# Content types and permissions are rebuilt by migrate; sessions are not worth keeping.
EXCLUDED = ["contenttypes", "auth.permission", "sessions", "publishing.contentversion"]


class Command(BaseCommand):
    help = "Write everything the portal holds (content, history, accounts) to a JSON file, on any database."

    def add_arguments(self, parser):
        parser.add_argument("output", help="The file to write, e.g. backups/portal-2026-11-28.json")

    def handle(self, *args, **options):
        exclusions = [arg for app in EXCLUDED for arg in ("--exclude", app)]
        call_command(
            "dumpdata",
            "--natural-foreign",
            "--natural-primary",
            *exclusions,
            "--indent",
            "1",
            "--output",
            options["output"],
        )
        self.stdout.write(self.style.SUCCESS(f"Backup written to {options['output']}"))
