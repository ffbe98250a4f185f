"""The agreements admin: finding agreements, the columns and filters editors use, and validation."""

import re

import pytest

from agreements.models import BilateralAgreement, FundingPartner
from tests.admin_helpers import assert_saving_unchanged_changes_nothing, changelist_columns, form_data


def changelist_titles(html):
    return re.findall(r'<th class="field-title"><a [^>]+>([^<]+)</a>', html)


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
    assert changelist_titles(html) == [f"Bilateral agreement with {expected}"]


def test_changelist_shows_the_columns_editors_scan_by(seeded, editor_client, django_assert_max_num_queries):
    with django_assert_max_num_queries(20):
        response = editor_client.get("/admin/agreements/bilateralagreement/")
        assert response.status_code == 200
    html = response.content.decode()
    # Eight columns, so that the list fits a laptop screen (tests/e2e/test_admin_width.py): the region
    # under the country, the funding partners under the scope, the end date under the status.
    assert changelist_columns(html) == [
        "title",
        "country_name",
        "scope_and_funders",
        "status_today",
        "published",
        "translation_status",
        "last_modified",
        "last_reviewed_on",
    ]
    assert '<td class="field-country_name">South Korea<span class="cell-note">Asia</span></td>' in html
    assert (
        '<td class="field-scope_and_funders">Education and research'
        '<span class="cell-note">Innovation Fund Denmark</span></td>'
    ) in html
    assert "English and Danish" in html
    # Editors still sort by country, scope, end date, publication and the two dates.
    for column in ("country_name", "scope_and_funders", "status_today", "published", "last_modified"):
        assert re.search(rf'class="sortable[^"]*column-{column}', html), column
    assert re.search(r'class="sortable[^"]*column-last_reviewed_on', html)


def test_changelist_shows_the_end_date_under_the_status(seeded, editor_client):
    agreement = BilateralAgreement.objects.get(slug="germany")
    BilateralAgreement.objects.filter(pk=agreement.pk).update(valid_until="2031-06-30")

    html = editor_client.get("/admin/agreements/bilateralagreement/", {"q": "Germany"}).content.decode()
    assert '<span class="cell-note">Valid until June 30, 2031</span>' in html

    html = editor_client.get(
        "/admin/agreements/bilateralagreement/", {"q": "Germany"}, HTTP_ACCEPT_LANGUAGE="da"
    ).content.decode()
    assert '<span class="cell-note">Gyldig til 30. juni 2031</span>' in html


def test_changelist_filters_by_funding_partner(seeded, editor_client):
    fund = FundingPartner.objects.get(slug="innovation-fund-denmark")

    html = editor_client.get(
        "/admin/agreements/bilateralagreement/", {"funding_partners__id__exact": fund.pk}
    ).content.decode()

    assert sorted(changelist_titles(html)) == [
        "Bilateral agreement with Brazil",
        "Bilateral agreement with China",
        "Bilateral agreement with India",
        "Bilateral agreement with South Korea",
        "Bilateral agreement with the USA",
    ]


def test_saving_a_form_unchanged_works_and_changes_nothing(seeded, editor_client):
    url = f"/admin/agreements/bilateralagreement/{BilateralAgreement.objects.get(slug='germany').pk}/change/"
    assert_saving_unchanged_changes_nothing(editor_client, url)


def test_agreement_dates_and_uniqueness_are_validated(seeded, editor_client):
    agreement = BilateralAgreement.objects.get(slug="japan")
    url = f"/admin/agreements/bilateralagreement/{agreement.pk}/change/"
    data = form_data(editor_client.get(url))
    data.update(signed_on="2024-05-01", valid_until="2023-05-01")
    response = editor_client.post(url, data, HTTP_ACCEPT_LANGUAGE="da")
    assert "»Gyldig til« skal ligge efter den dato, hvor aftalen blev indgået." in response.content.decode()

    data.update(valid_until="2029-05-01", country="DE")
    response = editor_client.post(url, data)
    assert "A published agreement with this country and scope already exists." in response.content.decode()
    agreement.refresh_from_db()
    assert agreement.country == "JP" and agreement.signed_on is None


def test_deleting_a_funding_partner_in_use_is_refused_with_the_reason(seeded, admin_client):
    fund = FundingPartner.objects.get(slug="innovation-fund-denmark")

    response = admin_client.post(f"/admin/agreements/fundingpartner/{fund.pk}/delete/", {"post": "yes"})

    assert "Bilateral agreement with South Korea" in response.content.decode()
    assert FundingPartner.objects.filter(pk=fund.pk).exists()
    assert fund.agreements.count() == 5
