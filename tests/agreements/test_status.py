"""An agreement's status from its dates (or set by editors): on its page, in lists, the API, the files and the admin."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from agreements.models import AgreementStatus, BilateralAgreement
from tests.admin_helpers import form_data
from tests.factories import make_agreement

TODAY = datetime.date(2026, 3, 1)


def days(n):
    return TODAY + datetime.timedelta(days=n)


@pytest.fixture
def today_is_fixed(monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: TODAY)


def status_of(agreement):
    return BilateralAgreement.objects.with_status(today=TODAY).get(pk=agreement.pk).current_status


@pytest.mark.parametrize(
    ("dates", "expected"),
    [
        ({"signed_on": days(-400), "in_force_from": days(-300), "valid_until": days(300)}, AgreementStatus.IN_FORCE),
        ({"in_force_from": days(-300)}, AgreementStatus.IN_FORCE),
        ({"in_force_from": TODAY, "valid_until": days(1)}, AgreementStatus.IN_FORCE),
        ({"in_force_from": days(-300), "valid_until": TODAY}, AgreementStatus.IN_FORCE),
        ({"in_force_from": days(-300), "valid_until": days(-1)}, AgreementStatus.EXPIRED),
        ({"valid_until": days(-1)}, AgreementStatus.EXPIRED),
        ({"signed_on": days(-10), "in_force_from": days(20)}, AgreementStatus.SIGNED),
        ({"signed_on": days(-10)}, None),
        ({}, None),
    ],
)
def test_status_follows_the_dates_in_python_and_in_the_database(db, dates, expected):
    agreement = make_agreement(**dates)

    assert agreement.status_on(TODAY) == expected
    assert status_of(agreement) == expected


def test_status_set_by_editors_wins_over_the_dates(db):
    agreement = make_agreement(in_force_from=days(-300), valid_until=days(-1), status_override="under-renegotiation")

    assert agreement.status_on(TODAY) == AgreementStatus.UNDER_RENEGOTIATION
    assert status_of(agreement) == AgreementStatus.UNDER_RENEGOTIATION


def test_seeded_agreements_have_no_dates_and_no_status(seeded):
    agreements = BilateralAgreement.objects.published().with_status(today=TODAY)

    assert agreements.count() == 10
    assert {a.current_status for a in agreements} == {None}
    assert not agreements.filter(signed_on__isnull=False).exists()
    assert not agreements.filter(in_force_from__isnull=False).exists()


def test_expiring_within_lists_only_agreements_ending_in_the_window_soonest_first(db):
    later = make_agreement(country="FR", valid_until=days(90))
    sooner = make_agreement(country="IT", valid_until=TODAY)
    make_agreement(country="ES", valid_until=days(91))
    make_agreement(country="PT", valid_until=days(-1))
    make_agreement(country="NL")

    assert list(BilateralAgreement.objects.expiring_within(90, today=TODAY)) == [sooner, later]


@pytest.mark.parametrize(
    ("dates", "field", "message"),
    [
        (
            {"signed_on": days(0), "in_force_from": days(-1)},
            "in_force_from",
            "“In force from” cannot be before the date the agreement was signed.",
        ),
        (
            {"in_force_from": days(10), "valid_until": days(10)},
            "valid_until",
            "“Valid until” must be after “In force from”.",
        ),
    ],
)
def test_dates_in_the_wrong_order_are_refused_by_validation_and_the_database(db, dates, field, message):
    agreement = make_agreement()
    for name, value in dates.items():
        setattr(agreement, name, value)

    with pytest.raises(ValidationError) as refused:
        agreement.full_clean()
    assert refused.value.message_dict[field] == [message]

    with pytest.raises(IntegrityError), transaction.atomic():
        BilateralAgreement.objects.filter(pk=agreement.pk).update(**dates)


def test_agreement_page_shows_the_status_and_the_dates(seeded, client, today_is_fixed):
    make_agreement(
        slug="in-force",
        signed_on=datetime.date(2025, 6, 2),
        in_force_from=datetime.date(2025, 9, 1),
        valid_until=datetime.date(2030, 8, 31),
    )

    html = client.get("/en/agreements/in-force/").content.decode()

    assert '<dt>Status</dt><dd class="agreement-status">In force</dd>' in html
    assert '<time datetime="2025-09-01">' in html and "In force from" in html
    assert '<time datetime="2030-08-31">' in html


def test_seeded_agreement_page_shows_no_status(seeded, client, today_is_fixed):
    html = client.get("/en/agreements/germany/").content.decode()

    assert "agreement-status" not in html
    assert "In force from" not in html


def test_agreement_list_shows_each_status(seeded, client, today_is_fixed):
    make_agreement(title_en="Expired agreement", in_force_from=days(-900), valid_until=days(-5))
    make_agreement(title_en="Renegotiated agreement", country="IT", status_override="under-renegotiation")

    html = client.get("/en/agreements/").content.decode()

    assert html.count('class="agreement-status"') == 2
    assert '<span class="agreement-status">Expired</span>' in html
    assert '<span class="agreement-status">Under renegotiation</span>' in html


def test_api_and_files_give_the_status_and_dates(seeded, client, today_is_fixed):
    BilateralAgreement.objects.filter(slug="germany").update(
        signed_on=days(-30), in_force_from=days(30), valid_until=days(3000)
    )

    germany = client.get("/api/v1/agreements/", {"q": "Germany"}).json()["results"][0]
    japan = client.get("/api/v1/agreements/", {"q": "Japan"}).json()["results"][0]
    rows = {row["slug"]: row for row in client.get("/en/agreements/agreements.json").json()["results"]}

    assert germany["status"] == {"code": "signed", "name": "Signed, not yet in force"}
    assert (germany["signed_on"], germany["in_force_from"]) == (str(days(-30)), str(days(30)))
    assert germany["valid_until"] == str(days(3000))
    assert japan["status"] is None and japan["in_force_from"] is None
    assert rows["germany"]["status"] == "signed" and rows["germany"]["in_force_from"] == str(days(30))
    assert rows["japan"]["status"] is None


def test_admin_saves_the_dates_and_the_status_set_by_editors(seeded, editor_client):
    agreement = BilateralAgreement.objects.get(slug="japan")
    url = f"/admin/agreements/bilateralagreement/{agreement.pk}/change/"
    data = form_data(editor_client.get(url))
    data.update(signed_on="2024-05-01", in_force_from="2024-06-01", status_override="under-renegotiation")

    response = editor_client.post(url, data)

    assert response.status_code == 302
    agreement.refresh_from_db()
    assert agreement.in_force_from == datetime.date(2024, 6, 1)
    assert agreement.status == AgreementStatus.UNDER_RENEGOTIATION


def test_admin_refuses_in_force_before_signed(seeded, editor_client):
    agreement = BilateralAgreement.objects.get(slug="japan")
    url = f"/admin/agreements/bilateralagreement/{agreement.pk}/change/"
    data = form_data(editor_client.get(url))
    data.update(signed_on="2024-05-01", in_force_from="2024-04-01")

    response = editor_client.post(url, data)

    assert response.status_code == 200
    assert "“In force from” cannot be before the date the agreement was signed." in response.content.decode()
    agreement.refresh_from_db()
    assert agreement.in_force_from is None


def test_admin_filter_lists_agreements_expiring_within_90_days(seeded, editor_client, today_is_fixed):
    make_agreement(title_en="Ends soon", valid_until=days(60))
    make_agreement(title_en="Ends later", country="IT", valid_until=days(200))

    html = editor_client.get("/admin/agreements/bilateralagreement/", {"expires": "soon"}).content.decode()

    assert "Expires within 90 days" in html
    assert ">Ends soon</a>" in html
    assert ">Ends later</a>" not in html
    assert ">Bilateral agreement with Germany</a>" not in html


def test_admin_front_page_lists_agreements_expiring_within_90_days(seeded, editor_client, today_is_fixed):
    soon = make_agreement(title_en="Ends soon", valid_until=days(60))
    make_agreement(title_en="Ends later", country="IT", valid_until=days(200))

    html = editor_client.get("/admin/").content.decode()

    assert "Agreements expiring within 90 days" in html
    assert f'href="/admin/agreements/bilateralagreement/{soon.pk}/change/">Ends soon</a>' in html
    assert "Ends later" not in html
    assert "Bilateral agreements" in html  # the usual list of apps is still there


def test_admin_front_page_has_no_box_when_nothing_expires(seeded, editor_client, today_is_fixed):
    html = editor_client.get("/admin/").content.decode()

    assert "Agreements expiring within 90 days" not in html
