import posixpath

from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from agreements.models import AgreementDocument

# Where documents' files are stored (agreements.models.document_path); nothing else is ever removed.
FOLDER = "agreements/documents/"


class Command(BaseCommand):
    help = (
        "Remove a document's file for good, from the file storage and from every version of the document in "
        "the history (a file uploaded by mistake that must not be kept). Replaced and deleted documents' files "
        "are otherwise kept, so that an earlier version can be restored. A file a current document uses is "
        "refused: delete that document in its agreement's form first."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "name", help=f"The file's name in the storage, as the document's history shows it ({FOLDER}…)"
        )

    def handle(self, *args, name, **options):
        # Exactly as the history names it: "./x" or "a//b" would name the same file under another spelling.
        if posixpath.normpath(name) != name or not name.startswith(FOLDER) or "/" in name[len(FOLDER) :]:
            raise CommandError(f"Give a document's file as its history names it: {FOLDER}<name>.pdf")
        if AgreementDocument.objects.filter(file=name).exists():
            raise CommandError(
                f"A current document uses {name}; nothing was removed. Delete the document in its agreement's "
                "form first."
            )
        versions = AgreementDocument.history.filter(file=name)
        if not versions.exists():
            raise CommandError(f"No version of a document names {name}; nothing was removed.")
        with transaction.atomic():
            count = versions.update(file="")
            transaction.on_commit(lambda: default_storage.delete(name))
        self.stdout.write(self.style.SUCCESS(f"Removed {name}; {count} versions in the history no longer name it."))
