"""Small helpers that make test content; each takes overrides for the fields a test cares about."""

import itertools

from agreements.models import Activity, BilateralAgreement, CountryAlias, FundingPartner
from centres.models import FocusArea, InnovationCentre
from contacts.models import ContactPerson
from ufm_intl.models import Initiative, Page

_numbers = itertools.count(1)


def make_centre(**overrides):
    n = next(_numbers)
    fields = {
        "name_en": f"Innovation Centre Denmark Testville {n}",
        "name_da": f"Innovationscenter Danmark Testby {n}",
        "slug": f"testville-{n}",
        "city_en": "Testville",
        "city_da": "Testby",
        "country": "FR",
    }
    return InnovationCentre.objects.create(**(fields | overrides))


def make_agreement(funding_partners=(), activities=(), **overrides):
    n = next(_numbers)
    fields = {
        "country": "FR",
        "region": "europe",
        "title_en": f"Bilateral agreement {n}",
        "title_da": f"Bilateral aftale {n}",
        "slug": f"agreement-{n}",
    }
    agreement = BilateralAgreement.objects.create(**(fields | overrides))
    agreement.funding_partners.set(funding_partners)
    agreement.activities.set(activities)
    return agreement


def delete_all_content():
    for model in (InnovationCentre, BilateralAgreement, ContactPerson, FocusArea, FundingPartner, Activity):
        model.objects.all().delete()
    CountryAlias.objects.all().delete()
    Page.objects.all().delete()
    Initiative.objects.all().delete()
