"""What every content admin shares: the Editors group, the admin's language, history, filters and clean markup."""

import re

import pytest
from django.contrib.auth.models import Group

from agreements.models import BilateralAgreement
from centres.models import FocusArea, InnovationCentre
from contacts.models import ContactPerson
from publishing.models import ChangeNote, Redirect
from tests.admin_helpers import form_data

CHANGELISTS = [
    "/admin/agreements/bilateralagreement/",
    "/admin/agreements/fundingpartner/",
    "/admin/agreements/activity/",
    "/admin/agreements/countryalias/",
    "/admin/centres/innovationcentre/",
    "/admin/centres/focusarea/",
    "/admin/contacts/contactperson/",
    "/admin/ufm_intl/page/",
    "/admin/ufm_intl/initiative/",
]


@pytest.mark.parametrize("url", CHANGELISTS)
def test_editors_can_open_every_content_list_and_add_form(seeded, editor_client, url):
    assert editor_client.get(url).status_code == 200
    if "page" not in url:
        assert editor_client.get(url + "add/").status_code == 200


@pytest.mark.parametrize(
    "url", ["/admin/auth/user/", "/admin/auth/group/", "/admin/auth/user/add/", "/admin/axes/accessattempt/"]
)
def test_editors_cannot_manage_accounts(seeded, editor_client, url):
    assert editor_client.get(url).status_code == 403


def test_editors_group_has_content_permissions_only(db):
    codenames = set(Group.objects.get(name="Editors").permissions.values_list("codename", flat=True))
    assert {"add_bilateralagreement", "change_bilateralagreement", "view_bilateralagreement"} <= codenames
    assert {"change_innovationcentre", "change_contactperson", "change_page", "view_page"} <= codenames
    assert not {c for c in codenames if c.endswith(("_user", "_group", "_permission"))}
    assert not {c for c in codenames if c.startswith("delete_")}


def test_editors_unpublish_rather_than_delete(seeded, editor_client):
    person = ContactPerson.objects.get(slug="sune-kaur-pedersen")
    assert editor_client.post(f"/admin/contacts/contactperson/{person.pk}/delete/", {"post": "yes"}).status_code == 403
    assert ContactPerson.objects.filter(pk=person.pk).exists()


def test_admin_names_the_portal_and_speaks_the_editors_language(seeded, editor_client):
    html = editor_client.get("/admin/", HTTP_ACCEPT_LANGUAGE="da").content.decode()
    assert "Internationalt samarbejde – redaktionel administration" in html
    assert "Bilaterale aftaler" in html

    editor_client.post("/i18n/setlang/", {"language": "en", "next": "/admin/"})
    html = editor_client.get("/admin/", HTTP_ACCEPT_LANGUAGE="da").content.decode()
    assert "International cooperation – editorial admin" in html


def test_a_rich_text_the_same_in_both_languages_is_pointed_out_for_a_translators_look(seeded, editor_client):
    germany = BilateralAgreement.objects.get(country="DE")
    germany.description_en = germany.description_da = "<p>Cooperation on research and innovation.</p>"
    germany.save()
    html = editor_client.get("/admin/agreements/bilateralagreement/").content.decode()
    assert html.count("the same text in English and Danish") == 1
    assert "Description: the same text in English and Danish" in html
    html = editor_client.get(
        f"/admin/agreements/bilateralagreement/{germany.pk}/change/", HTTP_ACCEPT_LANGUAGE="da"
    ).content.decode()
    assert "Beskrivelse: samme tekst på engelsk og dansk" in html


def test_the_translation_filter_finds_the_rich_texts_the_same_in_both_languages(seeded, editor_client):
    germany = BilateralAgreement.objects.get(country="DE")
    germany.description_en = germany.description_da = "<p>Cooperation on research and innovation.</p>"
    germany.save()
    china = BilateralAgreement.objects.get(country="CN")
    china.description_en = china.description_da = ""  # empty in both: nothing to translate
    china.save()

    response = editor_client.get("/admin/agreements/bilateralagreement/?translation=same")

    assert [agreement.country.code for agreement in response.context["cl"].result_list] == ["DE"]
    assert "Same text in English and Danish" in response.content.decode()
    # Lists of models without rich text do not offer it.
    activities = editor_client.get("/admin/agreements/activity/").content.decode()
    assert "Same text in English and Danish" not in activities


def test_filters_for_missing_translation_and_review(seeded, editor_client):
    germany = BilateralAgreement.objects.get(country="DE")
    germany.title_da = ""
    germany.save()
    html = editor_client.get("/admin/agreements/bilateralagreement/?translation=missing-da").content.decode()
    assert re.findall(r'<th class="field-title"><a [^>]+>([^<]+)</a>', html) == ["Bilateral agreement with Germany"]
    assert "Danish missing" in html

    html = editor_client.get("/admin/agreements/bilateralagreement/?review=overdue").content.decode()
    assert html.count('<th class="field-title">') == 10
    editor_client.post(
        "/admin/agreements/bilateralagreement/",
        {"action": "mark_reviewed", "_selected_action": [germany.pk]},
    )
    html = editor_client.get("/admin/agreements/bilateralagreement/?review=overdue").content.decode()
    assert html.count('<th class="field-title">') == 9


def change_centre(client, centre, **changes):
    url = f"/admin/centres/innovationcentre/{centre.pk}/change/"
    data = form_data(client.get(url))
    data.update(changes)
    return client.post(url, data)


def test_editor_change_shows_at_once_and_is_in_the_history_under_their_name(seeded, editor_client, visitor):
    centre = InnovationCentre.objects.get(slug="munich")
    visitor.get("/en/centres/munich/")  # cached for visitors

    response = change_centre(editor_client, centre, summary_en="The centre in Munich opens doors in Bavaria.")

    assert response.status_code == 302
    assert "opens doors in Bavaria" in visitor.get("/en/centres/munich/").content.decode()
    history = editor_client.get(f"/admin/centres/innovationcentre/{centre.pk}/history/").content.decode()
    assert "editor" in history
    assert "opens doors in Bavaria" in history  # the field difference


def test_editor_restores_an_earlier_version(seeded, editor_client, visitor):
    centre = InnovationCentre.objects.get(slug="munich")
    centre.focus_areas.set(FocusArea.objects.filter(slug__in=["green-technologies", "health-and-biotechnology"]))
    centre.save()
    original = centre.summary_en
    first = centre.history.first()
    change_centre(editor_client, centre, summary_en="A mistaken summary.")
    assert "A mistaken summary." in visitor.get("/en/centres/munich/").content.decode()

    revert_url = f"/admin/centres/innovationcentre/{centre.pk}/history/{first.history_id}/"
    data = form_data(editor_client.get(revert_url))
    response = editor_client.post(revert_url, data)

    assert response.status_code == 302
    centre.refresh_from_db()
    assert centre.summary_en == original
    assert original in visitor.get("/en/centres/munich/").content.decode()
    assert set(centre.focus_areas.values_list("slug", flat=True)) == {"green-technologies", "health-and-biotechnology"}
    # The history says it was a restore, in the editor's language.
    assert centre.history.first().history_change_reason == "Restored an earlier version"
    editor_client.cookies["django_language"] = "da"
    history = editor_client.get(f"/admin/centres/innovationcentre/{centre.pk}/history/").content.decode()
    assert "Tidligere version gendannet" in history


def test_stored_markup_is_sanitised(seeded, editor_client, visitor):
    centre = InnovationCentre.objects.get(slug="munich")
    response = change_centre(
        editor_client,
        centre,
        body_en=(
            '<p>Hello<script>alert("x")</script></p><p><img src=x onerror="alert(1)">'
            '<a href="javascript:alert(2)" onclick="alert(3)">click</a> <strong>bold</strong></p>'
        ),
    )

    assert response.status_code == 302
    centre.refresh_from_db()
    assert "<script" not in centre.body_en and "onerror" not in centre.body_en
    assert "javascript:" not in centre.body_en and "onclick" not in centre.body_en
    assert "<strong>bold</strong>" in centre.body_en
    response = visitor.get("/en/centres/munich/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<strong>bold</strong>" in html
    assert 'alert("x")' not in html and "onerror" not in html and "javascript:" not in html


def test_markup_from_code_is_sanitised_too(seeded):
    centre = InnovationCentre.objects.get(slug="munich")
    centre.body_da = '<p onmouseover="x()">Hej</p><script>evil()</script>'
    centre.save()
    centre.refresh_from_db()
    assert centre.body_da == "<p>Hej</p>"


def test_the_danish_admin_names_the_columns_and_messages_in_danish(seeded, admin_client, editor_client):
    agreement = BilateralAgreement.objects.get(slug="germany")
    ChangeNote.objects.create(item=agreement, note_en="A note.", note_da="En note.")
    html = admin_client.get("/admin/publishing/changenote/", HTTP_ACCEPT_LANGUAGE="da").content.decode()
    assert ">Ændringsnote<" in html and ">Indhold<" in html and ">En note.<" in html

    Redirect.objects.create(old_path="/en/old/", new_path="/en/programmes/")
    data = form_data(admin_client.get("/admin/publishing/redirect/add/"))
    response = admin_client.post(
        "/admin/publishing/redirect/add/",
        data | {"old_path": "/en/old/", "new_path": "/en/contacts/"},
        HTTP_ACCEPT_LANGUAGE="da",
    )
    assert "Der findes allerede en omdirigering fra denne adresse." in response.content.decode()

    refused = editor_client.post(
        f"/admin/contacts/contactperson/{ContactPerson.objects.first().pk}/delete/",
        {"post": "yes"},
        HTTP_ACCEPT_LANGUAGE="da",
    )
    assert refused.status_code == 403
    assert "<title>Ikke tilladt | Internationalt samarbejde</title>" in refused.content.decode()
