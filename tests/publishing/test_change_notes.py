"""Pages say when they were last updated, and list the public change notes editors write."""

from agreements.models import BilateralAgreement
from centres.models import InnovationCentre
from publishing.models import ChangeNote
from tests.admin_helpers import form_data


def test_the_seeded_overview_carries_the_sources_date(seeded, visitor):
    assert '<time datetime="2022-01-31">31 January 2022</time>' in visitor.get("/en/").content.decode()
    assert '<time datetime="2022-01-31">31. januar 2022</time>' in visitor.get("/da/").content.decode()


def test_an_item_page_shows_its_own_last_update(seeded, visitor):
    assert '<time datetime="2022-01-31">31 January 2022</time>' in visitor.get("/en/centres/munich/").content.decode()


def test_an_editor_publishes_a_change_note_with_a_save(seeded, editor_client, visitor):
    agreement = BilateralAgreement.objects.get(slug_en="germany")
    url = f"/admin/agreements/bilateralagreement/{agreement.pk}/change/"
    data = form_data(editor_client.get(url))
    data |= {"change_note_en": "Contact phone corrected", "change_note_da": "Kontaktens telefonnummer rettet"}
    assert editor_client.post(url, data).status_code == 302

    note = ChangeNote.objects.for_item(agreement).get()
    assert note.created_by.username == "editor"
    html = visitor.get("/en/agreements/germany/").content.decode()
    assert 'href="#changes"' in html and 'id="changes"' in html and "Contact phone corrected" in html
    assert "Kontaktens telefonnummer rettet" in visitor.get("/da/aftaler/tyskland/").content.decode()


def test_a_save_without_a_note_adds_none(seeded, editor_client):
    agreement = BilateralAgreement.objects.get(slug_en="germany")
    url = f"/admin/agreements/bilateralagreement/{agreement.pk}/change/"
    assert editor_client.post(url, form_data(editor_client.get(url))).status_code == 302
    assert not ChangeNote.objects.exists()
    assert 'id="changes"' not in editor_client.get("/en/agreements/germany/").content.decode()


def test_public_notes_are_those_of_published_items_newest_first(seeded):
    germany = BilateralAgreement.objects.get(slug_en="germany")
    munich = InnovationCentre.objects.get(slug_en="munich")
    draft = BilateralAgreement.objects.get(slug_en="japan")
    draft.is_published = False
    draft.save()
    older = ChangeNote.objects.create(item=germany, note_en="Summary shortened")
    newer = ChangeNote.objects.create(item=munich, note_da="Adresse tilføjet")
    ChangeNote.objects.create(item=draft, note_en="Not for visitors")

    assert list(ChangeNote.objects.public()) == [newer, older]


def test_a_change_notes_earlier_text_is_kept_in_its_history_and_restored(seeded, editor_client, visitor):
    agreement = BilateralAgreement.objects.get(slug_en="germany")
    url = f"/admin/agreements/bilateralagreement/{agreement.pk}/change/"
    assert (
        editor_client.post(url, form_data(editor_client.get(url)) | {"change_note_en": "Phone corrected"}).status_code
        == 302
    )
    note = ChangeNote.objects.for_item(agreement).get()
    note_url = f"/admin/publishing/changenote/{note.pk}/change/"
    assert (
        editor_client.post(
            note_url, form_data(editor_client.get(note_url)) | {"note_en": "Phone and address corrected"}
        ).status_code
        == 302
    )
    assert "Phone and address corrected" in visitor.get("/en/agreements/germany/").content.decode()

    first = note.history.get(history_type="+")
    restore_url = note_url.replace("/change/", f"/history/{first.history_id}/")
    assert editor_client.post(restore_url, form_data(editor_client.get(restore_url))).status_code == 302

    html = visitor.get("/en/agreements/germany/").content.decode()
    assert "Phone corrected" in html and "Phone and address corrected" not in html
    assert [row.history_type for row in note.history.all()] == ["~", "~", "+"]
