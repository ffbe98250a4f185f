from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from publishing import versions


class Command(BaseCommand):
    help = "Load a backup written by backup_portal into a migrated database (empty, or to be overwritten)."

    def add_arguments(self, parser):
        parser.add_argument("backup", help="The JSON file written by backup_portal")

    def handle(self, *args, **options):
        # The backup holds the history itself; loading must not add history rows of its own.
        enabled = getattr(settings, "SIMPLE_HISTORY_ENABLED", True)
        settings.SIMPLE_HISTORY_ENABLED = False
        try:
            with transaction.atomic():
                call_command("loaddata", options["backup"], verbosity=options["verbosity"])
                versions.bump()
        finally:
            settings.SIMPLE_HISTORY_ENABLED = enabled
        self.stdout.write(self.style.SUCCESS(f"Restored {options['backup']}"))
