from datetime import datetime
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils.translation import gettext_noop

from agreements.models import Activity, BilateralAgreement, CountryAlias, FundingPartner
from centres.models import FocusArea, InnovationCentre
from contacts.models import ContactPerson
from publishing.addresses import danish_slug
from publishing.history import one_row_per_save
from ufm_intl import seed_content as content
from ufm_intl.models import Initiative, Page

# Stored in English in the history, translated where it is shown (``show_automatic_author``).
SEED_REASON = gettext_noop("Loaded from the ministry's source page")
# The date the source page was last updated: what the seeded content says of itself ("Last updated").
SOURCE_UPDATED_AT = datetime(2022, 1, 31, 12, tzinfo=ZoneInfo("Europe/Copenhagen"))


def _create_once(model, *, lookup, defaults, created):
    """Create the object unless it exists; an existing one is left exactly as editors left it."""
    obj, was_created = model.objects.get_or_create(**lookup, defaults=defaults)
    if was_created:
        created.append(obj)
        # The reason goes into the object's history row, written when seed_portal() ends.
        obj._change_reason = SEED_REASON
    return obj, was_created


@transaction.atomic
def seed_portal():
    """Load the source page's content. Safe to run again: it only adds what is missing.

    Each object gets one history row, with its relations and the seed's change reason. Returns the
    list of objects it created.
    """
    with one_row_per_save():
        created = _seed()
    by_model = {}
    for obj in created:
        by_model.setdefault(type(obj), []).append(obj.pk)
    for model, pks in by_model.items():
        # After the saves, which set the time of saving; an update does not run them again. The history
        # row keeps the same date, as it is the version the admin's forms compare with.
        model._base_manager.filter(pk__in=pks).update(updated_at=SOURCE_UPDATED_AT)
        if hasattr(model, "first_published_at"):
            # Published then, as the source says: the feeds list it as new on that date, not today.
            model._base_manager.filter(pk__in=pks, is_published=True).update(first_published_at=SOURCE_UPDATED_AT)
        if hasattr(model, "history"):
            model.history.filter(id__in=pks).update(updated_at=SOURCE_UPDATED_AT)
    return created


def _seed():
    created = []

    for contact in content.CONTACTS:
        _create_once(ContactPerson, lookup={"slug": contact["slug"]}, defaults=contact, created=created)

    # Focus areas and activities are terms for editors; the source names them for the centres and the
    # agreements as groups, so the seed tags no single centre or agreement with them.
    for focus_area in content.FOCUS_AREAS:
        _create_once(FocusArea, lookup={"slug": focus_area["slug"]}, defaults=focus_area, created=created)
    for position, (slug, city_en, city_da, country, lat, lng) in enumerate(content.CENTRES, start=1):
        _create_once(
            InnovationCentre,
            lookup={"slug_en": slug},
            defaults={
                "slug_da": danish_slug(city_da),
                "name_en": f"Innovation Centre Denmark {city_en}",
                # The brand is not translated.
                "name_da": f"Innovation Centre Denmark {city_da}",
                "city_en": city_en,
                "city_da": city_da,
                "country": country,
                "summary_en": content.CENTRE_SUMMARY_EN.format(city=city_en),
                "summary_da": content.CENTRE_SUMMARY_DA.format(city=city_da),
                "latitude": lat,
                "longitude": lng,
                "position": position,
            },
            created=created,
        )

    for activity in content.ACTIVITIES:
        _create_once(Activity, lookup={"slug": activity["slug"]}, defaults=activity, created=created)
    fund = content.INNOVATION_FUND_DENMARK
    innovation_fund, _ = _create_once(FundingPartner, lookup={"slug": fund["slug"]}, defaults=fund, created=created)
    for slug, country, region, name_en, name_da, funded in content.AGREEMENTS:
        agreement, was_created = _create_once(
            BilateralAgreement,
            lookup={"slug_en": slug},
            defaults={
                "slug_da": danish_slug(name_da),
                "country": country,
                "region": region,
                "scope": BilateralAgreement.Scope.EDUCATION_RESEARCH,
                "title_en": f"Bilateral agreement with {name_en}",
                "title_da": f"Bilateral aftale med {name_da}",
                "summary_en": f"Education and research cooperation between Denmark and {name_en}.",
                "summary_da": f"Uddannelses- og forskningssamarbejde mellem Danmark og {name_da}.",
            },
            created=created,
        )
        if was_created and funded:
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
        initiative_slug = initiative["slug"]
        initiative = {key: value for key, value in initiative.items() if key != "slug"}
        # The slug is the anchor of the initiative's card: the same in both languages.
        slugs = {"slug_en": initiative_slug, "slug_da": initiative_slug}
        _create_once(Initiative, lookup={"slug_en": initiative_slug}, defaults={**initiative, **slugs}, created=created)

    return created
