"""The contact person admin: phone numbers, and contacts still in use."""

import re

import pytest

from centres.models import InnovationCentre
from contacts.models import ContactPerson
from tests.admin_helpers import assert_saving_unchanged_changes_nothing, changelist_columns, form_data


def test_saving_a_form_unchanged_works_and_changes_nothing(seeded, editor_client):
    url = f"/admin/contacts/contactperson/{ContactPerson.objects.get(slug='sune-kaur-pedersen').pk}/change/"
    assert_saving_unchanged_changes_nothing(editor_client, url)


def test_phone_numbers_are_parsed_and_stored_in_e164(seeded, editor_client):
    person = ContactPerson.objects.get(slug="sune-kaur-pedersen")
    url = f"/admin/contacts/contactperson/{person.pk}/change/"
    data = form_data(editor_client.get(url))
    data["phone"] = "72 31 82 41"

    assert editor_client.post(url, data).status_code == 302
    person.refresh_from_db()
    assert person.phone == "+4572318241"


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("en", "Enter a valid phone number, for example +45 72 31 82 13."),
        ("da", "Indtast et gyldigt telefonnummer, f.eks. +45 72 31 82 13."),
    ],
)
def test_invalid_phone_is_explained_in_the_editors_language(seeded, editor_client, language, message):
    person = ContactPerson.objects.get(slug="sune-kaur-pedersen")
    url = f"/admin/contacts/contactperson/{person.pk}/change/"
    data = form_data(editor_client.get(url))
    data["phone"] = "12"

    response = editor_client.post(url, data, HTTP_ACCEPT_LANGUAGE=language)

    assert response.status_code == 200
    assert message in response.content.decode()
    person.refresh_from_db()
    assert person.phone == "+4572318240"


def test_deleting_an_attache_in_use_is_refused_with_the_reason(seeded, admin_client):
    person = ContactPerson.objects.get(slug="karin-ilsoth-rasmussen")
    InnovationCentre.objects.filter(slug="munich").update(attache=person)

    response = admin_client.post(f"/admin/contacts/contactperson/{person.pk}/delete/", {"post": "yes"})

    html = response.content.decode()
    assert "Innovation Centre Denmark Munich" in html
    assert ContactPerson.objects.filter(pk=person.pk).exists()


def test_the_change_form_shows_the_phone_as_people_write_it(seeded, editor_client):
    person = ContactPerson.objects.get(slug="sune-kaur-pedersen")

    html = editor_client.get(f"/admin/contacts/contactperson/{person.pk}/change/").content.decode()

    phone_input = re.search(r'<input[^>]*\bname="phone"[^>]*>', html).group()
    assert 'value="+45 72 31 82 40"' in phone_input
    assert "+4572318240" not in phone_input


def test_changelist_shows_phone_and_email_in_one_cell_and_the_translations(seeded, editor_client):
    html = editor_client.get("/admin/contacts/contactperson/").content.decode()
    assert changelist_columns(html) == [
        "name",
        "job_title",
        "phone_and_email",
        "position",
        "published",
        "translation_status",
        "last_modified",
        "last_reviewed_on",
    ]
    assert (
        '<td class="field-phone_and_email"><span class="nowrap">+45 72 31 82 40</span>'
        '<span class="cell-note">spe@ufm.dk</span></td>'
    ) in html
