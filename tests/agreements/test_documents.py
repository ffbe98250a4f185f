"""Documents of an agreement: PDFs editors upload in the admin and visitors download from the agreement page."""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from agreements.models import AgreementDocument, BilateralAgreement
from tests.admin_helpers import delete_in_admin, form_data, page_text, shown_form_data
from tests.factories import make_agreement

# The smallest file a PDF reader opens: a header, one empty page, the cross-reference table and trailer.
MINIMAL_PDF = (
    b"%PDF-1.4\n"
    b"1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\n"
    b"xref\n0 4\n0000000000 65535 f \n0000000009 00000 n \n0000000052 00000 n \n0000000101 00000 n \n"
    b"trailer<</Size 4/Root 1 0 R>>\nstartxref\n160\n%%EOF\n"
)


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def make_document(agreement, content=MINIMAL_PDF, **overrides):
    fields = {"title_en": "The agreement (signed text)", "title_da": "Aftalen (underskrevet tekst)", "language": "en"}
    document = AgreementDocument(agreement=agreement, **(fields | overrides))
    document.file.save("agreement.pdf", ContentFile(content), save=False)
    document.size = len(content)
    document.save()
    return document


def upload_data(client, agreement, filename, content, **fields):
    """The admin form of ``agreement`` as shown, with one new document row."""
    data = form_data(client.get(f"/admin/agreements/bilateralagreement/{agreement.pk}/change/"))
    count = agreement.documents.count()
    row = f"documents-{count}-"
    data |= {
        "documents-TOTAL_FORMS": str(count + 1),
        f"{row}id": "",
        f"{row}agreement": str(agreement.pk),
        f"{row}title_en": "The agreement (signed text)",
        f"{row}title_da": "Aftalen (underskrevet tekst)",
        f"{row}language": "da",
        f"{row}position": "0",
        f"{row}file": SimpleUploadedFile(filename, content, content_type="application/pdf"),
    }
    return data | {f"{row}{name}": value for name, value in fields.items()}


def post_upload(client, agreement, filename, content, **extra):
    url = f"/admin/agreements/bilateralagreement/{agreement.pk}/change/"
    return client.post(url, upload_data(client, agreement, filename, content), **extra)


def test_editor_uploads_a_pdf_which_is_stored_under_a_name_nobody_can_guess(seeded, editor_client, media_in_tmp):
    germany = BilateralAgreement.objects.get(slug="germany")

    response = post_upload(editor_client, germany, "aftale.pdf", MINIMAL_PDF)

    assert response.status_code == 302
    document = germany.documents.get()
    assert document.title_da == "Aftalen (underskrevet tekst)" and document.language == "da"
    assert document.size == len(MINIMAL_PDF)
    assert document.file.name.startswith("agreements/documents/")
    assert "aftale" not in document.file.name and len(document.file.name) > 40
    assert (media_in_tmp / document.file.name).read_bytes() == MINIMAL_PDF


def test_a_file_that_is_not_a_pdf_is_refused_whatever_its_name(seeded, editor_client):
    germany = BilateralAgreement.objects.get(slug="germany")

    response = post_upload(editor_client, germany, "agreement.pdf", b"<html><script>alert(1)</script></html>")

    assert response.status_code == 200
    assert "This file is not a PDF. Save the document as PDF and upload that file." in response.content.decode()
    assert not germany.documents.exists()


def test_a_file_that_is_not_a_pdf_is_refused_in_danish_for_a_danish_editor(seeded, editor_client):
    germany = BilateralAgreement.objects.get(slug="germany")

    response = post_upload(editor_client, germany, "aftale.pdf", b"PK\x03\x04 a word file", HTTP_ACCEPT_LANGUAGE="da")

    assert response.status_code == 200
    assert "Filen er ikke en PDF. Gem dokumentet som PDF, og upload den fil." in response.content.decode()
    assert not germany.documents.exists()


def test_a_file_over_the_size_limit_is_refused(seeded, editor_client, settings):
    settings.DOCUMENT_MAX_BYTES = 100
    germany = BilateralAgreement.objects.get(slug="germany")

    response = post_upload(editor_client, germany, "agreement.pdf", MINIMAL_PDF)

    assert "A document may be at most 100\xa0bytes." in response.content.decode()
    assert not germany.documents.exists()


def test_agreement_page_lists_its_documents_with_language_and_size(seeded, client):
    germany = BilateralAgreement.objects.get(slug="germany")
    document = make_document(germany, content=MINIMAL_PDF + b"%" * 1_250_000, language="da")

    html = client.get("/en/agreements/germany/").content.decode()

    assert '<h2 id="documents-heading">Documents</h2>' in html
    assert (
        f'<a href="/en/agreements/germany/documents/{document.pk}/" hreflang="da">The agreement (signed text)</a>'
        in html
    )
    assert "(Danish; PDF, 1.2\xa0MB)" in html
    assert "/media/" not in html


def test_agreement_without_documents_shows_no_documents_section(seeded, client):
    assert "documents-heading" not in client.get("/en/agreements/germany/").content.decode()


def test_document_download_is_a_pdf_attachment_that_browsers_do_not_sniff(seeded, client):
    document = make_document(BilateralAgreement.objects.get(slug="germany"))

    response = client.get(f"/en/agreements/germany/documents/{document.pk}/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="the-agreement-signed-text.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == MINIMAL_PDF


def test_documents_of_a_draft_are_not_found_by_visitors_but_by_editors(seeded, visitor, editor_client):
    draft = make_agreement(slug="draft-france", is_published=False)
    document = make_document(draft)

    assert visitor.get(f"/en/agreements/draft-france/documents/{document.pk}/").status_code == 404
    assert editor_client.get(f"/en/agreements/draft-france/documents/{document.pk}/").status_code == 200


def test_a_document_is_only_found_under_its_own_agreement(seeded, client):
    document = make_document(BilateralAgreement.objects.get(slug="germany"))

    assert client.get(f"/en/agreements/japan/documents/{document.pk}/").status_code == 404
    assert client.get(f"/en/agreements/germany/documents/{document.pk + 1}/").status_code == 404


def delete_documents_in_form(client, agreement):
    url = f"/admin/agreements/bilateralagreement/{agreement.pk}/change/"
    data = form_data(client.get(url)) | {"documents-0-DELETE": "on"}
    return client.post(url, data)


def test_a_deleted_document_is_in_its_agreements_history_and_is_restored_with_its_file(
    seeded, admin_client, visitor, django_capture_on_commit_callbacks
):
    germany = BilateralAgreement.objects.get(slug="germany")
    document = make_document(germany, content=MINIMAL_PDF + b"% the signed text")
    name, pk = document.file.name, document.pk
    with django_capture_on_commit_callbacks(execute=True):
        assert delete_documents_in_form(admin_client, germany).status_code == 302
    assert not germany.documents.exists()
    assert default_storage.exists(name)  # the history names it

    # The agreement's history lists the deletion, with a link to the document's own history.
    html = admin_client.get(f"/admin/agreements/bilateralagreement/{germany.pk}/history/").content.decode()
    assert "Changes of its documents" in html and "Deleted" in html
    assert f'<a href="/admin/agreements/agreementdocument/{pk}/history/">The agreement (signed text)</a>' in html

    # There the version before the deletion is restored, file and all.
    version = AgreementDocument.history.filter(id=pk, history_type="+").get()
    revert_url = f"/admin/agreements/agreementdocument/{pk}/history/{version.history_id}/"
    assert admin_client.post(revert_url, form_data(admin_client.get(revert_url))).status_code == 302

    restored = germany.documents.get()
    assert restored.file.name == name and restored.title_da == "Aftalen (underskrevet tekst)"
    assert AgreementDocument.history.filter(id=pk).first().history_change_reason == "Restored an earlier version"
    response = visitor.get(restored.get_absolute_url())
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == MINIMAL_PDF + b"% the signed text"


def revert_document(client, document_pk):
    """Restore the document as it was first saved, from its history."""
    version = AgreementDocument.history.filter(id=document_pk, history_type="+").first()
    url = f"/admin/agreements/agreementdocument/{document_pk}/history/{version.history_id}/"
    return client.post(url, form_data(client.get(url)))


def test_a_version_whose_file_is_no_longer_stored_is_not_restored_and_the_form_says_why(seeded, admin_client):
    document = make_document(BilateralAgreement.objects.get(slug="germany"))
    earlier = document.file.name
    document.file.save("amended.pdf", ContentFile(MINIMAL_PDF + b"% amended"))
    default_storage.delete(earlier)  # as files replaced before the history kept them were

    response = revert_document(admin_client, document.pk)

    assert response.status_code == 200
    assert "The file of this version is no longer stored" in response.content.decode()
    document.refresh_from_db()
    assert document.file.name != earlier


def test_a_document_of_a_deleted_agreement_is_not_restored_before_its_agreement(seeded, admin_client):
    agreement = make_agreement(country="FR", scope="research", slug="france")
    document = make_document(agreement)
    agreement.delete()

    response = revert_document(admin_client, document.pk)

    assert response.status_code == 200
    assert "Its agreement has been deleted: restore the agreement first" in response.content.decode()
    assert not AgreementDocument.objects.exists()


def test_replacing_a_documents_file_keeps_the_old_one_for_the_history(seeded, django_capture_on_commit_callbacks):
    document = make_document(BilateralAgreement.objects.get(slug="germany"))
    old_name = document.file.name

    with django_capture_on_commit_callbacks(execute=True):
        document.file.save("new.pdf", ContentFile(MINIMAL_PDF + b"% new"))

    assert document.size == len(MINIMAL_PDF) + 5
    assert default_storage.exists(document.file.name)
    assert default_storage.exists(old_name)
    assert AgreementDocument.history.filter(id=document.pk, file=old_name).exists()


def test_documents_are_not_in_the_admins_menu(seeded, admin_client):
    assert "/admin/agreements/agreementdocument/" not in admin_client.get("/admin/").content.decode()


def test_a_document_link_of_a_renamed_agreement_still_works(seeded, visitor):
    agreement = BilateralAgreement.objects.get(slug_en="turkey")
    document = make_document(agreement)
    agreement.slug_en = "tuerkiye"
    agreement.save()

    response = visitor.get(f"/en/agreements/turkey/documents/{document.pk}/")
    assert response.status_code == 301
    assert response["Location"] == f"/en/agreements/tuerkiye/documents/{document.pk}/"
    assert visitor.get(response["Location"]).status_code == 200
    assert visitor.get("/en/agreements/no-such-agreement/documents/1/").status_code == 404
    # The old link never leads to a draft's documents.
    agreement.is_published = False
    agreement.save()
    assert visitor.get(f"/en/agreements/turkey/documents/{document.pk}/").status_code == 404


def test_an_administrator_removes_a_file_uploaded_by_mistake_for_good(
    seeded, admin_client, django_capture_on_commit_callbacks
):
    germany = BilateralAgreement.objects.get(slug="germany")
    document = make_document(germany)
    name = document.file.name
    with pytest.raises(CommandError, match="A current document uses"):
        call_command("purge_document_file", name, stdout=io.StringIO())
    delete_documents_in_form(admin_client, germany)

    with django_capture_on_commit_callbacks(execute=True):
        call_command("purge_document_file", name, stdout=io.StringIO())

    assert not default_storage.exists(name)
    assert not AgreementDocument.history.filter(file=name).exists()
    # Its versions name no file any longer: restoring one asks for a file.
    response = revert_document(admin_client, document.pk)
    assert response.status_code == 200 and not AgreementDocument.objects.exists()
    assert "This field is required." in response.content.decode()


@pytest.mark.parametrize(
    "spelling", ["./{name}", "agreements//documents/{file}", "agreements/x/../documents/{file}", "/{name}"]
)
def test_purging_refuses_another_spelling_of_a_current_documents_file(seeded, spelling):
    document = make_document(BilateralAgreement.objects.get(slug="germany"))
    name = document.file.name

    with pytest.raises(CommandError, match="as its history names it"):
        call_command(
            "purge_document_file", spelling.format(name=name, file=name.rsplit("/", 1)[1]), stdout=io.StringIO()
        )
    assert default_storage.exists(name)


def test_purging_removes_only_files_a_documents_history_names(seeded, media_in_tmp):
    default_storage.save("agreements/documents/not-a-document.pdf", ContentFile(MINIMAL_PDF))
    default_storage.save("centres/images/munich.jpg", ContentFile(b"jpeg"))

    for name in ("agreements/documents/not-a-document.pdf", "centres/images/munich.jpg"):
        with pytest.raises(CommandError):
            call_command("purge_document_file", name, stdout=io.StringIO())
        assert default_storage.exists(name)


def refused_after_deletion(editor_client, admin_client, agreement, change=None):
    """The agreement's form, opened by the editor, changed by ``change``, and saved after an administrator
    deleted the agreement: the refused form."""
    url = f"/admin/agreements/bilateralagreement/{agreement.pk}/change/"
    editors_form = form_data(editor_client.get(url))
    if change:
        change(editors_form)
    delete_in_admin(admin_client, agreement)
    refused = editor_client.post(url, editors_form)
    assert refused.status_code == 200
    assert "Nothing has been saved." in refused.content.decode()
    return url, refused


def test_an_agreement_saved_after_it_was_deleted_keeps_its_documents_and_their_files(
    seeded, editor_client, admin_client, media_in_tmp
):
    germany = BilateralAgreement.objects.get(slug="germany")
    make_document(germany)

    def retitle(data):
        data["documents-0-title_en"] = "The agreement as signed in Berlin"

    url, refused = refused_after_deletion(editor_client, admin_client, germany, retitle)
    assert "The agreement as signed in Berlin" in refused.content.decode()
    assert editor_client.post(url, shown_form_data(refused)).status_code == 302

    document = BilateralAgreement.objects.get(pk=germany.pk).documents.get()
    assert document.title_en == "The agreement as signed in Berlin"
    assert (media_in_tmp / document.file.name).read_bytes() == MINIMAL_PDF
    assert document.size == len(MINIMAL_PDF)


def test_each_document_keeps_its_own_file_when_a_row_is_removed_before_saving_again(
    seeded, editor_client, admin_client, media_in_tmp
):
    germany = BilateralAgreement.objects.get(slug="germany")
    make_document(germany, content=MINIMAL_PDF, title_en="First", position=1)
    make_document(germany, content=MINIMAL_PDF + b"%second\n", title_en="Second", position=2)
    url, refused = refused_after_deletion(editor_client, admin_client, germany)

    # The editor removes the first row on the page, which numbers the rows below it again.
    data = {key: value for key, value in shown_form_data(refused).items() if not key.startswith("documents-0-")}
    data = {key.replace("documents-1-", "documents-0-"): value for key, value in data.items()}
    data["documents-TOTAL_FORMS"] = "1"
    assert editor_client.post(url, data).status_code == 302

    document = BilateralAgreement.objects.get(pk=germany.pk).documents.get()
    assert document.title_en == "Second"
    assert (media_in_tmp / document.file.name).read_bytes() == MINIMAL_PDF + b"%second\n"


def test_a_document_ticked_for_deletion_stays_deleted_when_the_agreement_is_created_again(
    seeded, editor_client, admin_client
):
    germany = BilateralAgreement.objects.get(slug="germany")
    make_document(germany, title_en="Outdated draft", position=1)
    make_document(germany, title_en="Signed text", position=2)

    def tick_first(data):
        data["documents-0-DELETE"] = "on"

    url, refused = refused_after_deletion(editor_client, admin_client, germany, tick_first)
    assert "Outdated draft" not in refused.content.decode()
    assert editor_client.post(url, shown_form_data(refused)).status_code == 302

    assert [d.title_en for d in BilateralAgreement.objects.get(pk=germany.pk).documents.all()] == ["Signed text"]


def test_a_file_uploaded_below_a_row_ticked_for_deletion_stays_with_its_row(
    seeded, editor_client, admin_client, media_in_tmp
):
    germany = BilateralAgreement.objects.get(slug="germany")
    make_document(germany, title_en="Outdated draft", position=1)
    make_document(germany, title_en="Signed text", position=2)

    def tick_first_and_replace_second(data):
        data["documents-0-DELETE"] = "on"
        data["documents-1-file"] = SimpleUploadedFile("signed.pdf", b"Not a PDF", content_type="application/pdf")

    url, refused = refused_after_deletion(editor_client, admin_client, germany, tick_first_and_replace_second)

    # The one row left, numbered 0 now, is checked with the file sent for it.
    assert refused.context["inline_admin_formsets"][0].formset.errors == [
        {"file": ["This file is not a PDF. Save the document as PDF and upload that file."]}
    ]
    replacement = MINIMAL_PDF + b"%replacement\n"
    data = shown_form_data(refused)
    data["documents-0-file"] = SimpleUploadedFile("signed.pdf", replacement, content_type="application/pdf")
    assert editor_client.post(url, data).status_code == 302
    document = BilateralAgreement.objects.get(pk=germany.pk).documents.get()
    assert document.title_en == "Signed text"
    assert (media_in_tmp / document.file.name).read_bytes() == replacement


# Someone else changed or deleted a document after the agreement's form was opened --------------------


def test_a_document_someone_else_changed_meanwhile_is_not_saved_over(seeded, editor_client, admin_client, media_in_tmp):
    germany = BilateralAgreement.objects.get(slug="germany")
    make_document(germany)
    url = f"/admin/agreements/bilateralagreement/{germany.pk}/change/"
    editors_form = shown_form_data(editor_client.get(url))
    admins_form = shown_form_data(admin_client.get(url))

    admins_form["documents-0-title_en"] = "The agreement as signed in Berlin"
    assert admin_client.post(url, admins_form).status_code == 302
    editors_form["summary_en"] = "Joint calls for research projects every spring."
    refused = editor_client.post(url, editors_form)

    assert refused.status_code == 200
    assert "admin saved a change on" in page_text(refused)
    assert "Changed: Title [en]." in page_text(refused)
    assert editor_client.post(url, shown_form_data(refused)).status_code == 302
    germany.refresh_from_db()
    assert germany.summary_en == "Joint calls for research projects every spring."
    assert germany.documents.get().title_en == "The agreement as signed in Berlin"


def test_a_document_deleted_meanwhile_is_left_out_with_a_message_and_stays_deleted(
    seeded, editor_client, admin_client, media_in_tmp
):
    germany = BilateralAgreement.objects.get(slug="germany")
    kept, deleted = make_document(germany), make_document(germany, title_en="Annex", position=2)
    url = f"/admin/agreements/bilateralagreement/{germany.pk}/change/"
    editors_form = shown_form_data(editor_client.get(url))
    delete_in_admin(admin_client, deleted)

    editors_form["summary_en"] = "Joint calls for research projects every spring."
    response = editor_client.post(url, editors_form, follow=True)

    messages = [str(message) for message in response.context["messages"]]
    assert any(
        message.startswith("admin deleted the document “Annex” on")
        and message.endswith("after you opened this form: it was left out. It can be restored from its history.")
        for message in messages
    )
    germany.refresh_from_db()
    assert germany.summary_en == "Joint calls for research projects every spring."
    assert list(germany.documents.all()) == [kept]


def test_a_new_documents_upload_is_saved_though_another_document_was_deleted_meanwhile(
    seeded, editor_client, admin_client, media_in_tmp
):
    germany = BilateralAgreement.objects.get(slug="germany")
    kept, deleted = make_document(germany), make_document(germany, title_en="Annex", position=2)
    url = f"/admin/agreements/bilateralagreement/{germany.pk}/change/"
    editors_form = shown_form_data(editor_client.get(url)) | {
        "documents-TOTAL_FORMS": "3",
        "documents-2-title_en": "Work programme 2027",
        "documents-2-language": "en",
        "documents-2-position": "3",
        "documents-2-file": SimpleUploadedFile("programme.pdf", MINIMAL_PDF, content_type="application/pdf"),
    }
    delete_in_admin(admin_client, deleted)

    assert editor_client.post(url, editors_form).status_code == 302

    titles = sorted(germany.documents.values_list("title_en", flat=True))
    assert titles == sorted([kept.title_en, "Work programme 2027"])
    added = germany.documents.get(title_en="Work programme 2027")
    assert (media_in_tmp / added.file.name).read_bytes() == MINIMAL_PDF


def test_a_document_deleted_on_its_own_stays_deleted_when_its_agreement_is_created_again(
    seeded, editor_client, admin_client, media_in_tmp
):
    germany = BilateralAgreement.objects.get(slug="germany")
    kept, deleted = make_document(germany), make_document(germany, title_en="Annex", position=2)
    url = f"/admin/agreements/bilateralagreement/{germany.pk}/change/"
    editors_form = shown_form_data(editor_client.get(url))
    delete_in_admin(admin_client, deleted)
    delete_in_admin(admin_client, germany)

    refused = editor_client.post(url, editors_form)
    assert "Admin deleted the document “Annex” on" in page_text(refused)  # as the admin shows messages: capitalised
    assert editor_client.post(url, shown_form_data(refused)).status_code == 302

    again = BilateralAgreement.objects.get(pk=germany.pk)
    assert [(document.pk, document.title_en) for document in again.documents.all()] == [(kept.pk, kept.title_en)]
    assert (media_in_tmp / again.documents.get().file.name).read_bytes() == MINIMAL_PDF
    # Its history carries on under its own id: added, deleted with the agreement, added again.
    assert [row.history_type for row in kept.history.all()] == ["+", "-", "+"]
    assert kept.history.all()[1].history_change_reason == "Deleted with the item it belongs to"


def test_a_form_told_of_a_deletion_takes_up_the_documents_of_the_agreement_created_again_since(
    seeded, editor_client, admin_client, media_in_tmp
):
    germany = BilateralAgreement.objects.get(slug="germany")
    document = make_document(germany)
    url = f"/admin/agreements/bilateralagreement/{germany.pk}/change/"
    editors_form, admins_form = shown_form_data(editor_client.get(url)), shown_form_data(admin_client.get(url))
    delete_in_admin(admin_client, germany)
    editors_form["summary_en"] = "Joint calls for research projects every spring."
    told = editor_client.post(url, editors_form)
    admins_form["documents-0-title_en"] = "The agreement as signed in Berlin"
    assert admin_client.post(url, shown_form_data(admin_client.post(url, admins_form))).status_code == 302

    response = editor_client.post(url, shown_form_data(told))
    assert "Changed: Title [en]." in page_text(response)  # the document someone created again, with her title
    assert editor_client.post(url, shown_form_data(response)).status_code == 302

    germany = BilateralAgreement.objects.get(pk=germany.pk)
    assert germany.summary_en == "Joint calls for research projects every spring."
    assert [(row.pk, row.title_en) for row in germany.documents.all()] == [
        (document.pk, "The agreement as signed in Berlin")
    ]
    assert (media_in_tmp / germany.documents.get().file.name).read_bytes() == MINIMAL_PDF


def test_a_row_cannot_take_the_id_or_file_of_another_agreements_deleted_document(
    seeded, editor_client, admin_client, media_in_tmp
):
    japans = make_document(BilateralAgreement.objects.get(slug="japan"), content=MINIMAL_PDF + b"%japan\n")
    japans.delete()
    germany = BilateralAgreement.objects.get(slug="germany")
    url = f"/admin/agreements/bilateralagreement/{germany.pk}/change/"
    forged = shown_form_data(editor_client.get(url)) | {
        "documents-TOTAL_FORMS": "1",
        "documents-0-was_row": str(japans.pk),
        "documents-0-title_en": "Work programme 2027",
        "documents-0-language": "en",
        "documents-0-position": "1",
        "documents-0-file": SimpleUploadedFile("programme.pdf", MINIMAL_PDF, content_type="application/pdf"),
    }

    assert editor_client.post(url, forged).status_code == 302

    added = germany.documents.get()
    assert added.pk != japans.pk
    assert (media_in_tmp / added.file.name).read_bytes() == MINIMAL_PDF


@pytest.mark.parametrize("field", ["was_row", "id"])
def test_a_row_id_that_is_no_number_is_refused_without_an_error(seeded, editor_client, media_in_tmp, field):
    germany = BilateralAgreement.objects.get(slug="germany")
    make_document(germany)
    url = f"/admin/agreements/bilateralagreement/{germany.pk}/change/"
    forged = shown_form_data(editor_client.get(url)) | {f"documents-0-{field}": "²"}

    assert editor_client.post(url, forged).status_code in (200, 302)
