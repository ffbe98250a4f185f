from django.core.management.base import BaseCommand

from ufm_intl.seed import seed_portal


class Command(BaseCommand):
    help = "Load the portal's content from the ministry's source page. Existing content is never changed."

    def handle(self, *args, **options):
        created = seed_portal()
        if created:
            self.stdout.write(self.style.SUCCESS(f"Added {len(created)} items of content."))
        else:
            self.stdout.write("All content is already there; nothing changed.")
