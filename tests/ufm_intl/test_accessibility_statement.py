"""The accessibility statement: the form Danish public bodies publish, with what an audit found."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from ufm_intl.models import Page


def statement():
    return Page.objects.get(key="accessibility")


def test_before_an_audit_the_statement_says_it_is_not_completed(seeded, client):
    html = client.get("/en/accessibility/").content.decode()

    assert "This accessibility statement has not yet been completed" in html
    for claim in ["WCAG", "fully compliant", "partially compliant", "Every page works", "prepared on"]:
        assert claim not in html
    assert "Enforcement procedure" in html and "Digitaliseringsstyrelsen" in html


@pytest.mark.parametrize(
    "url, sentence",
    [
        ("/en/accessibility/", 'you find the <a href="/en/contacts/">contact persons</a> on this website.'),
        ("/da/tilgaengelighed/", 'Du finder <a href="/da/kontakter/">kontaktpersonerne</a> her på webstedet.'),
    ],
)
def test_without_its_own_address_the_statement_points_to_the_contact_persons(seeded, client, url, sentence):
    assert not statement().feedback_email
    html = client.get(url).content.decode()

    assert sentence in html
    assert "mailto:" not in html.split('id="feedback-heading"')[1].split("</section>")[0]


def test_after_an_audit_the_statement_shows_status_problems_dates_and_feedback(seeded, client):
    page = statement()
    page.compliance_status = Page.ComplianceStatus.PARTIALLY
    page.known_problems_en = "<p>The map has no text alternative for each centre.</p>"
    page.statement_prepared_on = date(2026, 9, 1)
    page.statement_reviewed_on = date(2026, 11, 2)
    page.feedback_email = "webmaster@ufm.dk"
    page.full_clean()
    page.save()

    html = client.get("/en/accessibility/").content.decode()

    assert "This website is partially compliant with the act" in html
    assert "The map has no text alternative for each centre." in html
    assert 'This statement was prepared on <time datetime="2026-09-01">Sept. 1, 2026</time>.' in html
    assert 'It was last reviewed on <time datetime="2026-11-02">Nov. 2, 2026</time>.' in html
    assert '<a href="mailto:webmaster@ufm.dk">webmaster@ufm.dk</a>' in html
    assert "has not yet been completed" not in html


def test_a_status_without_the_date_it_was_prepared_is_not_shown(seeded, client):
    Page.objects.filter(key="accessibility").update(compliance_status=Page.ComplianceStatus.FULLY)

    html = client.get("/en/accessibility/").content.decode()

    assert "has not yet been completed" in html and "fully compliant" not in html


def test_only_the_accessibility_statement_has_a_status(seeded):
    overview = Page.objects.get(key="overview")
    overview.compliance_status = Page.ComplianceStatus.FULLY

    with pytest.raises(ValidationError):
        overview.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        overview.save()


def test_the_statement_is_not_reviewed_before_it_was_prepared(seeded):
    page = statement()
    page.statement_prepared_on = date(2026, 9, 1)
    page.statement_reviewed_on = date(2026, 8, 1)

    with pytest.raises(ValidationError):
        page.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        page.save()


def test_editors_fill_in_the_statement_in_the_admin(seeded, editor_client):
    from ufm_intl.models import Page

    page = Page.objects.get(key=Page.Key.ACCESSIBILITY)
    response = editor_client.get(f"/admin/ufm_intl/page/{page.pk}/change/")
    assert response.status_code == 200
    for field in ("compliance_status", "statement_prepared_on", "statement_reviewed_on", "feedback_email"):
        assert f'name="{field}"' in response.content.decode()
    overview = Page.objects.get(key=Page.Key.OVERVIEW)
    assert (
        'name="compliance_status"'
        not in editor_client.get(f"/admin/ufm_intl/page/{overview.pk}/change/").content.decode()
    )
