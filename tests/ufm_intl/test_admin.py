"""The editorial admin as ministry staff use it."""

import re

import pytest
from django.contrib.auth.models import Group

from agreements.models import BilateralAgreement, FundingPartner
from centres.models import InnovationCentre
from contacts.models import ContactPerson
from tests.admin_helpers import form_data
from ufm_intl.models import Page

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


def test_admin_names_the_portal_and_speaks_the_editors_language(seeded, editor_client):
    html = editor_client.get("/admin/", HTTP_ACCEPT_LANGUAGE="da").content.decode()
    assert "Internationalt samarbejde – redaktionel administration" in html
    assert "Bilaterale aftaler" in html

    editor_client.post("/i18n/setlang/", {"language": "en", "next": "/admin/"})
    html = editor_client.get("/admin/", HTTP_ACCEPT_LANGUAGE="da").content.decode()
    assert "International cooperation – editorial admin" in html


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("Tyskland", "Germany"),
        ("Germany", "Germany"),
        ("Sydkorea", "South Korea"),
        ("aftale med Japan", "Japan"),
        ("München", "Germany"),
    ],
)
def test_agreement_search_in_both_languages_and_by_country_name(seeded, editor_client, term, expected):
    html = editor_client.get("/admin/agreements/bilateralagreement/", {"q": term}).content.decode()
    titles = re.findall(r'<th class="field-title"><a [^>]+>([^<]+)</a>', html)
    assert titles == [f"Bilateral agreement with {expected}"]


def test_changelist_shows_the_columns_editors_scan_by(seeded, editor_client, django_assert_max_num_queries):
    with django_assert_max_num_queries(20):
        html = editor_client.get("/admin/agreements/bilateralagreement/").content.decode()
    assert '<td class="field-country_name">South Korea</td>' in html
    assert '<td class="field-funders">Innovation Fund Denmark</td>' in html
    assert "field-published" in html and "field-last_modified" in html and "field-last_reviewed_on" in html
    assert "English and Danish" in html


def test_filters_for_funder_missing_translation_and_review(seeded, editor_client):
    html = editor_client.get(
        f"/admin/agreements/bilateralagreement/?funding_partners__id__exact={FundingPartner.objects.get().pk}"
    ).content.decode()
    assert html.count('<th class="field-title">') == 5

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


def test_change_form_has_both_languages_side_by_side(seeded, editor_client):
    centre = InnovationCentre.objects.get(slug="munich")
    html = editor_client.get(f"/admin/centres/innovationcentre/{centre.pk}/change/").content.decode()
    for field in ["name_en", "name_da", "summary_en", "summary_da", "body_en", "body_da", "city_da"]:
        assert f'name="{field}"' in html
    assert "django_prose_editor" in html
    view_on_site = re.search(r'<a href="([^"]+)" class="viewsitelink">', html).group(1)
    assert editor_client.get(view_on_site).url.endswith("/en/centres/munich/")


@pytest.mark.parametrize(
    "url_of",
    [
        lambda: f"/admin/centres/innovationcentre/{InnovationCentre.objects.get(slug='munich').pk}/change/",
        lambda: f"/admin/agreements/bilateralagreement/{BilateralAgreement.objects.get(slug='germany').pk}/change/",
        lambda: f"/admin/contacts/contactperson/{ContactPerson.objects.get(slug='sune-kaur-pedersen').pk}/change/",
        lambda: f"/admin/ufm_intl/page/{Page.objects.get(key='overview').pk}/change/",
    ],
)
def test_saving_a_form_unchanged_works_and_changes_nothing(seeded, editor_client, url_of):
    url = url_of()
    data = form_data(editor_client.get(url))

    response = editor_client.post(url, data)

    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
    data_after = form_data(editor_client.get(url))
    assert data_after == data


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
    assert set(centre.focus_areas.values_list("slug", flat=True)) == {
        "green-technologies",
        "information-and-communication-technologies",
        "health-and-biotechnology",
    }


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
        ("da", "Indtast et gyldigt telefonnummer, for eksempel +45 72 31 82 13."),
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


def test_agreement_dates_and_uniqueness_are_validated(seeded, editor_client):
    agreement = BilateralAgreement.objects.get(slug="japan")
    url = f"/admin/agreements/bilateralagreement/{agreement.pk}/change/"
    data = form_data(editor_client.get(url))
    data.update(signed_on="2024-05-01", valid_until="2023-05-01")
    response = editor_client.post(url, data, HTTP_ACCEPT_LANGUAGE="da")
    assert "“Gyldig til” skal ligge efter datoen, hvor aftalen blev indgået." in response.content.decode()

    data.update(valid_until="2029-05-01", country="DE")
    response = editor_client.post(url, data)
    assert "A published agreement with this country and scope already exists." in response.content.decode()
    agreement.refresh_from_db()
    assert agreement.country == "JP" and agreement.signed_on is None


def test_editors_unpublish_rather_than_delete(seeded, editor_client):
    person = ContactPerson.objects.get(slug="sune-kaur-pedersen")
    assert editor_client.post(f"/admin/contacts/contactperson/{person.pk}/delete/", {"post": "yes"}).status_code == 403
    assert ContactPerson.objects.filter(pk=person.pk).exists()


def test_deleting_an_attache_in_use_is_refused_with_the_reason(seeded, admin_client):
    person = ContactPerson.objects.get(slug="karin-ilsoth-rasmussen")
    InnovationCentre.objects.filter(slug="munich").update(attache=person)

    response = admin_client.post(f"/admin/contacts/contactperson/{person.pk}/delete/", {"post": "yes"})

    html = response.content.decode()
    assert "Innovation Centre Denmark Munich" in html
    assert ContactPerson.objects.filter(pk=person.pk).exists()


def test_deleting_a_funding_partner_in_use_is_refused_with_the_reason(seeded, admin_client):
    fund = FundingPartner.objects.get(slug="innovation-fund-denmark")

    response = admin_client.post(f"/admin/agreements/fundingpartner/{fund.pk}/delete/", {"post": "yes"})

    assert "Bilateral agreement with South Korea" in response.content.decode()
    assert FundingPartner.objects.filter(pk=fund.pk).exists()
    assert fund.agreements.count() == 5


def test_stored_markup_is_sanitised(seeded, editor_client, visitor):
    centre = InnovationCentre.objects.get(slug="munich")
    change_centre(
        editor_client,
        centre,
        body_en=(
            '<p>Hello<script>alert("x")</script></p><p><img src=x onerror="alert(1)">'
            '<a href="javascript:alert(2)" onclick="alert(3)">click</a> <strong>bold</strong></p>'
        ),
    )

    centre.refresh_from_db()
    assert "<script" not in centre.body_en and "onerror" not in centre.body_en
    assert "javascript:" not in centre.body_en and "onclick" not in centre.body_en
    assert "<strong>bold</strong>" in centre.body_en
    html = visitor.get("/en/centres/munich/").content.decode()
    assert 'alert("x")' not in html and "onerror" not in html and "javascript:" not in html


def test_markup_from_code_is_sanitised_too(seeded):
    centre = InnovationCentre.objects.get(slug="munich")
    centre.body_da = '<p onmouseover="x()">Hej</p><script>evil()</script>'
    centre.save()
    centre.refresh_from_db()
    assert centre.body_da == "<p>Hej</p>"
