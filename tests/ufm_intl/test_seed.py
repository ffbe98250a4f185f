from django.core.management import call_command

from agreements.models import Activity, BilateralAgreement, CountryAlias, FundingPartner
from centres.models import FocusArea, InnovationCentre
from contacts.models import ContactPerson
from tests.factories import delete_all_content
from ufm_intl.models import Initiative, Page


def test_seed_loads_the_source_content(db):
    delete_all_content()
    call_command("seed_portal")

    assert InnovationCentre.objects.count() == 7
    assert set(InnovationCentre.objects.values_list("city_en", flat=True)) == {
        "Munich",
        "Tel Aviv",
        "Bangalore",
        "Seoul",
        "Shanghai",
        "Boston",
        "Silicon Valley",
    }
    assert BilateralAgreement.objects.count() == 10
    assert set(BilateralAgreement.objects.values_list("country", flat=True)) == {
        "US", "CN", "JP", "DE", "KR", "IN", "BR", "IL", "ZA", "TR",
    }  # fmt: skip
    assert FocusArea.objects.count() == 3
    assert Page.objects.count() == 4
    assert Initiative.objects.count() == 5


def test_innovation_fund_denmark_funds_exactly_five_agreements(db):
    call_command("seed_portal")

    fund = FundingPartner.objects.get(slug="innovation-fund-denmark")
    assert fund.name_da == "Innovationsfonden"
    assert set(fund.agreements.values_list("country", flat=True)) == {"US", "CN", "IN", "BR", "KR"}
    assert not BilateralAgreement.objects.filter(country__in=["JP", "DE", "IL", "ZA", "TR"], funding_partners=fund)


def test_contact_persons_have_their_exact_numbers_and_emails(db):
    call_command("seed_portal")

    contacts = {c.name: (c.phone, c.email) for c in ContactPerson.objects.all()}
    assert contacts == {
        "Karin Ilsøth Rasmussen": ("+4572318213", "kra@ufm.dk"),
        "Sune Kaur-Pedersen": ("+4572318240", "spe@ufm.dk"),
    }
    assert ContactPerson.objects.get(email="kra@ufm.dk").phone_display == "+45 72 31 82 13"


def test_what_the_source_does_not_say_is_left_empty(db):
    call_command("seed_portal")

    assert not BilateralAgreement.objects.exclude(signed_on=None).exists()
    assert not BilateralAgreement.objects.exclude(valid_until=None).exists()
    assert set(ContactPerson.objects.values_list("job_title_en", flat=True)) <= {"", None}
    assert not InnovationCentre.objects.exclude(attache=None).exists()
    assert not InnovationCentre.objects.exclude(website="").exists()


def test_content_exists_in_danish(db):
    call_command("seed_portal")

    munich = InnovationCentre.objects.get(slug="munich")
    assert munich.name_da == "Innovation Centre Denmark München"
    assert BilateralAgreement.objects.get(country="DE").title_da == "Bilateral aftale med Tyskland"
    overview = Page.objects.get(key="overview")
    assert "Uddannelses- og Forskningsministeriet" in overview.body_da
    assert not Initiative.objects.filter(title_da__in=["", None]).exists()


def test_running_twice_changes_nothing(db, capsys):
    delete_all_content()
    call_command("seed_portal")
    counts = [m.objects.count() for m in (InnovationCentre, BilateralAgreement, ContactPerson, CountryAlias, Page)]
    modified = list(BilateralAgreement.objects.order_by("pk").values_list("updated_at", flat=True))

    call_command("seed_portal")

    assert [
        m.objects.count() for m in (InnovationCentre, BilateralAgreement, ContactPerson, CountryAlias, Page)
    ] == counts
    assert list(BilateralAgreement.objects.order_by("pk").values_list("updated_at", flat=True)) == modified
    assert "nothing changed" in capsys.readouterr().out


def test_seed_never_overwrites_what_an_editor_changed(db):
    call_command("seed_portal")
    germany = BilateralAgreement.objects.get(country="DE")
    germany.title_en = "Agreement with the Federal Republic of Germany"
    germany.funding_partners.clear()
    germany.save()
    ContactPerson.objects.filter(email="kra@ufm.dk").update(phone="+4533929700")

    call_command("seed_portal")

    germany.refresh_from_db()
    assert germany.title_en == "Agreement with the Federal Republic of Germany"
    assert not germany.funding_partners.exists()
    assert ContactPerson.objects.get(email="kra@ufm.dk").phone == "+4533929700"
    assert ContactPerson.objects.count() == 2


def test_the_seed_gives_no_item_what_the_source_says_only_of_the_group(db):
    call_command("seed_portal")

    # "Focus areas for the centres include …" and "possible activities include …" are said of the
    # centres and the agreements as groups: the terms exist, but no single item is tagged with them.
    assert FocusArea.objects.count() == 3 and Activity.objects.count() == 3
    assert not InnovationCentre.focus_areas.through.objects.exists()
    assert not BilateralAgreement.activities.through.objects.exists()
    assert set(InnovationCentre.objects.values_list("body_en", flat=True)) <= {"", None}
    assert set(BilateralAgreement.objects.values_list("description_en", flat=True)) <= {"", None}
    centres = Initiative.objects.get(slug="innovation-centre-denmark")
    assert "green technologies, information and communication technologies" in centres.body_en
    assert "grønne teknologier, informations- og kommunikationsteknologi" in centres.body_da


def test_regions_follow_un_m49(db):
    call_command("seed_portal")

    regions = dict(BilateralAgreement.objects.values_list("country", "region"))
    assert regions == {
        "US": "americas", "BR": "americas", "DE": "europe", "ZA": "africa",
        "CN": "asia", "JP": "asia", "KR": "asia", "IN": "asia", "IL": "asia", "TR": "asia",
    }  # fmt: skip


def test_danish_seed_text_is_the_ministrys(db):
    call_command("seed_portal")

    overview = Page.objects.get(key="overview")
    assert "udpræget international i sin natur" in overview.summary_da
    assert "varetager og udvikler" in overview.body_da
    other = Initiative.objects.get(slug="intergovernmental-cooperation")
    assert other.summary_da.endswith("myndighedssamarbejde, f.eks. i Sydafrika.")
    assert Initiative.objects.get(slug="innovation-centre-denmark").title_da == "Innovation Centre Denmark (ICDK)"
    assert not InnovationCentre.objects.filter(name_da__contains="Innovationscenter Danmark").exists()


def test_the_accessibility_statement_claims_nothing_before_an_audit(db):
    call_command("seed_portal")

    statement = Page.objects.get(key="accessibility")
    assert statement.compliance_status == "" and statement.statement_prepared_on is None
    assert "WCAG" not in statement.body_en and "WCAG" not in statement.body_da
