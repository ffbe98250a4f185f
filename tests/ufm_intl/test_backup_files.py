"""Backups carry the uploaded files (agreement documents) in a tar archive next to the JSON, and restore them."""

import json
import tarfile

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import CommandError
from django.core.serializers.base import DeserializationError

from agreements.models import AgreementDocument, BilateralAgreement

PDF = b"%PDF-1.4\n% the agreement text\n%%EOF\n"


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def add_document(agreement):
    document = AgreementDocument(agreement=agreement, title_en="The agreement", language="en")
    document.file.save("agreement.pdf", ContentFile(PDF))
    return document


def test_backup_and_restore_bring_back_documents_and_their_files(transactional_db, seeded, tmp_path, media_in_tmp):
    document = add_document(BilateralAgreement.objects.get(slug="germany"))
    name = document.file.name
    backup = tmp_path / "backup.json"

    call_command("backup_portal", str(backup))
    archive = tmp_path / "backup.json.files.tar"
    assert archive.stat().st_mode & 0o777 == 0o600
    with tarfile.open(archive) as files:
        assert files.getnames() == [name]

    call_command("flush", "--noinput")
    default_storage.delete(name)
    call_command("restore_portal", str(backup))

    restored = AgreementDocument.objects.get()
    assert restored.agreement.slug == "germany" and restored.file.name == name
    assert (media_in_tmp / name).read_bytes() == PDF


def test_a_backup_carries_the_files_of_earlier_versions_for_their_restore(
    transactional_db, seeded, tmp_path, media_in_tmp
):
    document = add_document(BilateralAgreement.objects.get(slug="germany"))
    earlier = document.file.name
    document.file.save("amended.pdf", ContentFile(PDF + b"% amended"))
    backup = tmp_path / "backup.json"

    call_command("backup_portal", str(backup))
    call_command("flush", "--noinput")
    for name in (earlier, document.file.name):
        default_storage.delete(name)
    call_command("restore_portal", str(backup))

    assert AgreementDocument.history.filter(file=earlier).exists()
    assert (media_in_tmp / earlier).read_bytes() == PDF


def test_restore_refuses_a_backup_whose_files_archive_is_missing(transactional_db, seeded, tmp_path):
    add_document(BilateralAgreement.objects.get(slug="germany"))
    backup = tmp_path / "backup.json"
    call_command("backup_portal", str(backup))
    (tmp_path / "backup.json.files.tar").unlink()
    call_command("flush", "--noinput")

    with pytest.raises(CommandError, match="archive .* is missing; nothing was restored"):
        call_command("restore_portal", str(backup))
    assert not BilateralAgreement.objects.exists()


def test_restore_refuses_an_archive_with_a_name_outside_the_storage(transactional_db, seeded, tmp_path, media_in_tmp):
    backup = tmp_path / "backup.json"
    call_command("backup_portal", str(backup))
    evil = tmp_path / "evil.pdf"
    evil.write_bytes(PDF)
    with tarfile.open(tmp_path / "backup.json.files.tar", "w") as files:
        files.add(evil, arcname="../outside.pdf")
    call_command("flush", "--noinput")

    with pytest.raises(CommandError, match="unsafe name"):
        call_command("restore_portal", str(backup))
    assert not (tmp_path / "outside.pdf").exists()
    assert not BilateralAgreement.objects.exists()


def test_a_replacing_restore_removes_the_files_only_the_replaced_content_named(
    transactional_db, seeded, tmp_path, media_in_tmp
):
    germany = BilateralAgreement.objects.get(slug="germany")
    kept = add_document(germany)
    backup = tmp_path / "backup.json"
    call_command("backup_portal", str(backup))
    withdrawn = add_document(germany)
    assert (media_in_tmp / withdrawn.file.name).exists()

    call_command("restore_portal", "--replace", str(backup))

    assert list(AgreementDocument.objects.values_list("file", flat=True)) == [kept.file.name]
    assert (media_in_tmp / kept.file.name).read_bytes() == PDF
    assert not (media_in_tmp / withdrawn.file.name).exists()


def test_a_replacing_restore_that_fails_keeps_every_file(transactional_db, seeded, tmp_path, media_in_tmp):
    germany = BilateralAgreement.objects.get(slug="germany")
    backup = tmp_path / "backup.json"
    call_command("backup_portal", str(backup))
    document = add_document(germany)
    rows = json.loads(backup.read_text(encoding="utf-8"))
    # A row the loader cannot take, after the database has been emptied: the load fails halfway.
    rows.append({"model": "agreements.bilateralagreement", "pk": 999999, "fields": {"no_such_field": 1}})
    backup.write_text(json.dumps(rows), encoding="utf-8")

    with pytest.raises(DeserializationError):
        call_command("restore_portal", "--replace", str(backup))

    assert AgreementDocument.objects.get().file.name == document.file.name
    assert (media_in_tmp / document.file.name).read_bytes() == PDF
