"""Backups: a portable JSON round trip on any database, and the database's own tool."""

import io
import json
import re
import shutil
import sqlite3
import subprocess

from django.apps import apps
from django.core.management import call_command
from django.db import connection

from centres.models import InnovationCentre
from publishing.models import Redirect

BACKUP_ARGS = [
    "--natural-foreign",
    "--natural-primary",
    "-e",
    "contenttypes",
    "-e",
    "auth.permission",
    "-e",
    "sessions",
]
CONTENT_APPS = ["ufm_intl", "centres", "agreements", "contacts"]
WHOLE_SECOND = re.compile(r"^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)Z$")


def content_snapshot():
    """Every content row and every history row, as plain data."""
    out = io.StringIO()
    call_command("dumpdata", *CONTENT_APPS, "--natural-foreign", "--natural-primary", stdout=out)
    # The content version only ever grows (loading bumps it); it is a cache key, not content.
    rows = [row for row in json.loads(out.getvalue()) if row["model"] != "ufm_intl.contentversion"]
    for row in rows:
        row["fields"].pop("updated_at", None)
        for name, value in row["fields"].items():
            # Django's JSON keeps times to the millisecond and writes a whole second without ".000".
            if isinstance(value, str):
                row["fields"][name] = WHOLE_SECOND.sub(r"\1.000Z", value)
    return sorted(rows, key=lambda r: (r["model"], json.dumps(r["fields"], sort_keys=True, default=str)))


def test_json_backup_and_restore_lose_nothing(transactional_db, seeded, tmp_path):
    # A transactional test: the restore goes into a really emptied database.
    centre = InnovationCentre.objects.get(slug="munich")
    centre.summary_da = "Ændret af en redaktør – med æøå."
    centre.save()
    before = content_snapshot()
    history_rows = centre.history.count()
    backup = tmp_path / "backup.json"

    call_command("backup_portal", str(backup))
    call_command("flush", "--noinput")
    assert not InnovationCentre.objects.exists()
    call_command("restore_portal", str(backup))

    assert content_snapshot() == before
    restored = InnovationCentre.objects.get(slug="munich")
    assert restored.summary_da == "Ændret af en redaktør – med æøå."
    assert restored.history.count() == history_rows


def table_counts(cursor, tables):
    counts = {}
    for table in tables:
        cursor.execute(f'SELECT COUNT(*) FROM "{table}"')  # noqa: S608 - table names come from the models
        counts[table] = cursor.fetchone()[0]
    return counts


def content_tables():
    return sorted(m._meta.db_table for app in CONTENT_APPS for m in apps.get_app_config(app).get_models())


def test_native_backup_restores_every_table(seeded, tmp_path):
    tables = content_tables()
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        copy_path = tmp_path / "copy.sqlite3"
        target = sqlite3.connect(copy_path)
        connection.ensure_connection()
        connection.connection.backup(target)
        restored = table_counts(target.cursor(), tables)
        target.close()
    else:
        assert shutil.which("pg_dump") and shutil.which("pg_restore"), "PostgreSQL client tools are missing"
        dump = tmp_path / "portal.dump"
        host = ["-h", settings["HOST"] or "127.0.0.1", "-p", str(settings["PORT"] or 5432), "-U", settings["USER"]]
        subprocess.run(["pg_dump", *host, "-Fc", "-f", str(dump), settings["NAME"]], check=True)
        copy_name = settings["NAME"] + "_restored"
        subprocess.run(["dropdb", *host, "--if-exists", copy_name], check=True)
        subprocess.run(["createdb", *host, copy_name], check=True)
        try:
            subprocess.run(["pg_restore", *host, "-d", copy_name, str(dump)], check=True)
            import psycopg

            with psycopg.connect(host=host[1], port=host[3], user=settings["USER"], dbname=copy_name) as restored_db:
                restored = table_counts(restored_db.cursor(), tables)
        finally:
            subprocess.run(["dropdb", *host, "--if-exists", copy_name], check=True)

    with connection.cursor() as cursor:
        assert restored == table_counts(cursor, tables)
    assert restored["centres_innovationcentre"] == 7


def test_an_item_deleted_before_the_backup_gets_its_id_back_and_new_items_other_ids(transactional_db, seeded, tmp_path):
    # The item with the highest id is deleted: after a restore, only the history holds its id.
    kept = Redirect.objects.create(old_path="/en/old/kept/", new_path="/en/agreements/")
    deleted = Redirect.objects.create(old_path="/en/old/deleted/", new_path="/en/contacts/").pk
    Redirect.objects.filter(pk=deleted).get().delete()
    backup = tmp_path / "backup.json"
    call_command("backup_portal", str(backup))
    call_command("flush", "--noinput")
    call_command("restore_portal", str(backup))

    Redirect.history.filter(id=deleted, history_type="-").get().instance.save()  # restored from the history
    added = Redirect.objects.create(old_path="/en/old/new/", new_path="/en/programmes/")

    assert sorted(Redirect.objects.values_list("pk", flat=True)) == sorted([kept.pk, deleted, added.pk])
    assert added.pk > deleted
