"""The uploaded files a backup carries (agreement documents, centre images), as a tar archive next to its JSON.

``backup_portal backups/portal.json`` writes ``backups/portal.json.files.tar``; ``restore_portal`` reads it
from the same place. Files are read and written through Django's default storage, so the same archive
restores onto a file system or an object store. The archive holds every stored file that a row in the
database names, under the same storage name, so the restored rows find them.
"""

import os
import posixpath
import tarfile
from pathlib import PurePosixPath

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.management.base import CommandError
from django.db import models


def archive_path(backup_path):
    return f"{backup_path}.files.tar"


def _file_fields():
    # History models too, which keep a file's name as text: a replaced or deleted document's file is kept
    # for its history, so that restoring that version brings the file back, after a restore as well.
    for model in apps.get_models():
        source = getattr(model, "instance_type", model)
        for field in model._meta.concrete_fields:
            try:
                original = source._meta.get_field(field.name)
            except FieldDoesNotExist:
                continue
            if isinstance(original, models.FileField):
                yield model, field


def stored_names():
    """The storage names of the files the database refers to."""
    names = set()
    for model, field in _file_fields():
        names.update(model._default_manager.exclude(**{field.name: ""}).values_list(field.name, flat=True))
    names.discard(None)
    return sorted(names)


def names_in_rows(rows):
    """The storage names of files named by backup rows (as written by dumpdata)."""
    fields = {}
    for model, field in _file_fields():
        fields.setdefault(model._meta.label_lower, []).append(field.name)
    return {row["fields"][name] for row in rows for name in fields.get(row["model"], ()) if row["fields"].get(name)}


def write_archive(path, names):
    """Write the stored files ``names`` to a tar archive at ``path`` (mode 0600). Returns the names missing
    from storage, which cannot be backed up."""
    missing = []
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "wb") as output:
        os.fchmod(output.fileno(), 0o600)
        with tarfile.open(fileobj=output, mode="w") as archive:
            for name in names:
                if not default_storage.exists(name):
                    missing.append(name)
                    continue
                with default_storage.open(name, "rb") as stored:
                    info = tarfile.TarInfo(name)
                    info.size = default_storage.size(name)
                    info.mode = 0o600
                    archive.addfile(info, stored)
    return missing


def _safe_name(name):
    """A storage name from the archive, refused if it could point outside the storage."""
    normal = posixpath.normpath(name)
    if normal != name or PurePosixPath(name).is_absolute() or ".." in PurePosixPath(name).parts:
        raise CommandError(f"The files archive holds a file with an unsafe name, {name!r}; nothing was restored.")
    return name


def restore_archive(path):
    """Put every file of the archive at ``path`` into storage under its own name, replacing a file there."""
    with tarfile.open(path, mode="r") as archive:
        members = [member for member in archive.getmembers() if member.isfile()]
        for member in members:
            _safe_name(member.name)
        for member in members:
            if default_storage.exists(member.name):
                default_storage.delete(member.name)
            saved = default_storage.save(member.name, File(archive.extractfile(member)))
            if saved != member.name:
                raise CommandError(f"The storage saved {member.name!r} as {saved!r}; the file could not be restored.")
    return len(members)


def delete_stored(names):
    """Delete the stored files ``names`` (those no row names any more)."""
    for name in sorted(names):
        if default_storage.exists(name):
            default_storage.delete(name)
