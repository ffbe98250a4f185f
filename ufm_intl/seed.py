from django.db import transaction
from simple_history.utils import update_change_reason

from agreements.models import Activity, BilateralAgreement, CountryAlias, FundingPartner
from centres.models import FocusArea, InnovationCentre
from contacts.models import ContactPerson
from ufm_intl import seed_content as content
from ufm_intl.models import Initiative, Page

SEED_REASON = "Loaded from the ministry's source page"


def _create_once(model, *, lookup, defaults, created):
    """Create the object unless it exists; an existing one is left exactly as editors left it."""
    obj, was_created = model.objects.get_or_create(**lookup, defaults=defaults)
    if was_created:
        created.append(obj)
        if hasattr(obj, "history"):
            update_change_reason(obj, SEED_REASON)
    return obj, was_created


@transaction.atomic
def seed_portal():
    """Load the source page's content. Safe to run again: it only adds what is missing.

    Returns the list of objects it created.
    """
    created = []

    for contact in content.CONTACTS:
        _create_once(ContactPerson, lookup={"slug": contact["slug"]}, defaults=contact, created=created)

    focus_areas = [
        _create_once(FocusArea, lookup={"slug": f["slug"]}, defaults=f, created=created)[0] for f in content.FOCUS_AREAS
    ]
    for position, (slug, city_en, city_da, country, lat, lng) in enumerate(content.CENTRES, start=1):
        centre, was_created = _create_once(
            InnovationCentre,
            lookup={"slug": slug},
            defaults={
                "name_en": f"Innovation Centre Denmark {city_en}",
                "name_da": f"Innovationscenter Danmark {city_da}",
                "city_en": city_en,
                "city_da": city_da,
                "country": country,
                "summary_en": content.CENTRE_SUMMARY_EN,
                "summary_da": content.CENTRE_SUMMARY_DA,
                "body_en": content.CENTRE_BODY_EN,
                "body_da": content.CENTRE_BODY_DA,
                "latitude": lat,
                "longitude": lng,
                "position": position,
            },
            created=created,
        )
        if was_created:
            centre.focus_areas.set(focus_areas)

    activities = [
        _create_once(Activity, lookup={"slug": a["slug"]}, defaults=a, created=created)[0] for a in content.ACTIVITIES
    ]
    fund = content.INNOVATION_FUND_DENMARK
    innovation_fund, _ = _create_once(FundingPartner, lookup={"slug": fund["slug"]}, defaults=fund, created=created)
    for slug, country, region, name_en, name_da, funded in content.AGREEMENTS:
        agreement, was_created = _create_once(
            BilateralAgreement,
            lookup={"slug": slug},
            defaults={
                "country": country,
                "region": region,
                "scope": BilateralAgreement.Scope.EDUCATION_RESEARCH,
                "title_en": f"Bilateral agreement with {name_en}",
                "title_da": f"Bilateral aftale med {name_da}",
                "summary_en": f"Education and research cooperation between Denmark and {name_en}.",
                "summary_da": f"Uddannelses- og forskningssamarbejde mellem Danmark og {name_da}.",
                "description_en": content.AGREEMENT_DESCRIPTION_EN,
                "description_da": content.AGREEMENT_DESCRIPTION_DA,
            },
            created=created,
        )
        if was_created:
            agreement.activities.set(activities)
            if funded:
                agreement.funding_partners.set([innovation_fund])

    for country, kinds in content.COUNTRY_ALIASES.items():
        for kind, aliases in kinds.items():
            for alias in aliases:
                _create_once(
                    CountryAlias,
                    lookup={"country": country, "alias": alias},
                    defaults={"kind": kind},
                    created=created,
                )

    for page in content.PAGES:
        _create_once(Page, lookup={"key": page["key"]}, defaults=page, created=created)
    for initiative in content.INITIATIVES:
        _create_once(Initiative, lookup={"slug": initiative["slug"]}, defaults=initiative, created=created)

    return created
