import json
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.core.management.color import no_style
from django.db import connection, transaction
from django.db.models import Max

from publishing import registry, versions
from publishing.models import ContentVersion
from ufm_intl import backup_files

CONTENT_APPS = ["ufm_intl", "centres", "agreements", "contacts", "publishing"]


def holds_data():
    """Whether the database holds accounts or content (a freshly migrated one holds neither)."""
    models = [get_user_model()] + [
        model
        for label in CONTENT_APPS
        for model in apps.get_app_config(label).get_models()
        if model is not ContentVersion
    ]
    return any(model._default_manager.exists() for model in models)


# Kept as they are when a database is emptied for a backup. The backup names them by natural key, so
# its rows point at the existing ones; rebuilt, they would get other ids, while every running server
# process keeps the ids it has read (ContentType.objects' cache) and would go on writing those: redirects
# and change notes for the wrong or no content type, admin log entries the database refuses.
KEPT = [ContentType, Permission]


def empty_in_transaction():
    """Delete every row but content types' and permissions' (``flush`` without them), inside the caller's
    transaction."""
    kept = {model._meta.db_table for model in KEPT}
    tables = [
        table
        for table in connection.introspection.django_table_names(only_existing=True, include_views=False)
        if table not in kept
    ]
    statements = connection.ops.sql_flush(no_style(), tables, reset_sequences=True)
    if connection.vendor == "postgresql":
        # TRUNCATE refuses to run while checks deferred by earlier writes in the transaction are pending:
        # run them now, and defer them again for loading, which writes rows before those they refer to.
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        connection.ops.execute_sql_flush(statements)
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
    else:
        connection.ops.execute_sql_flush(statements)


def keep_history_ids_free():
    """On PostgreSQL, move each content table's id sequence past the ids its history names.

    Loading sets a sequence after the highest id in the table; an item deleted before the backup keeps
    its id in the history, and gets it back when restored or created again. Without this, the next new
    item would be given that id too.
    """
    if connection.vendor != "postgresql":
        return
    for model in registry.content_models():
        name = model._meta.pk.attname
        ids = [model._base_manager.aggregate(highest=Max(name)), model.history.aggregate(highest=Max(name))]
        highest = max((found["highest"] for found in ids if found["highest"] is not None), default=None)
        if highest is not None:
            with connection.cursor() as cursor:
                table = connection.ops.quote_name(model._meta.db_table)
                cursor.execute(
                    "SELECT setval(pg_get_serial_sequence(%s, %s), %s)", [table, model._meta.pk.column, highest]
                )


class Command(BaseCommand):
    help = (
        "Load a backup written by backup_portal into an empty migrated database, or with --replace "
        "replace everything a database holds with it. All or nothing: one transaction. The uploaded files "
        "are restored from the archive written next to it (<backup>.files.tar)."
    )

    def add_arguments(self, parser):
        parser.add_argument("backup", help="The JSON file written by backup_portal")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Delete everything the database holds (content, history, accounts, sessions) and load the backup.",
        )

    def handle(self, *args, **options):
        archive = backup_files.archive_path(options["backup"])
        has_archive = Path(archive).is_file()
        with open(options["backup"], encoding="utf-8") as backup:
            needs_files = bool(backup_files.names_in_rows(json.load(backup)))
        if needs_files and not has_archive:
            raise CommandError(
                f"The backup names uploaded files, but their archive {archive} is missing; nothing was restored. "
                "Put the archive written with the backup next to it."
            )
        # The backup holds the history itself; loading must not add history rows of its own.
        enabled = getattr(settings, "SIMPLE_HISTORY_ENABLED", True)
        replaced_files = []
        settings.SIMPLE_HISTORY_ENABLED = False
        try:
            with transaction.atomic():
                if holds_data():
                    if not options["replace"]:
                        raise CommandError(
                            "The database already holds content or accounts; nothing was restored. Restore "
                            "into an empty migrated database, or add --replace to replace everything in this "
                            "one with the backup."
                        )
                    # Emptied and loaded in one transaction: if loading fails, the database is as it was.
                    replaced_files = backup_files.stored_names()
                    empty_in_transaction()
                if has_archive:
                    # Before the rows that name them; files left by a failed load are unused, not harmful.
                    backup_files.restore_archive(archive)
                call_command("loaddata", options["backup"], verbosity=options["verbosity"])
                keep_history_ids_free()
                versions.bump()
                if options["replace"]:
                    # Files only the replaced content named (a withdrawn document) go with it, once the
                    # new content is committed; a failed load keeps them for the content it keeps.
                    unused = set(replaced_files) - set(backup_files.stored_names())
                    transaction.on_commit(lambda: backup_files.delete_stored(unused))
        finally:
            settings.SIMPLE_HISTORY_ENABLED = enabled
        self.stdout.write(self.style.SUCCESS(f"Restored {options['backup']}"))
