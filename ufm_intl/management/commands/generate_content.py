"""Synthetic content for benchmarks only: clearly fake, and never part of seed_portal."""

import itertools

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django_countries import countries

from agreements.models import Activity, BilateralAgreement, FundingPartner, Region
from centres.models import InnovationCentre
from contacts.models import ContactPerson
from ufm_intl.models import ContentVersion

PREFIX = "synthetic"


class Command(BaseCommand):
    help = (
        "Add synthetic, clearly fake content for benchmarks (slugs start with 'synthetic-'). "
        "Never run this on a production database."
    )

    def add_arguments(self, parser):
        parser.add_argument("--agreements", type=int, default=0)
        parser.add_argument("--centres", type=int, default=0)
        parser.add_argument("--contacts", type=int, default=0)
        parser.add_argument("--batch-size", type=int, default=2000)

    def handle(self, *args, **options):
        if min(options["agreements"], options["centres"], options["contacts"]) < 0:
            raise CommandError("Counts cannot be negative.")
        with transaction.atomic():
            start = BilateralAgreement.objects.filter(slug__startswith=PREFIX).count()
            self.agreements(options["agreements"], start, options["batch_size"])
            self.centres(options["centres"], InnovationCentre.objects.filter(slug__startswith=PREFIX).count())
            self.contacts(options["contacts"], ContactPerson.objects.filter(slug__startswith=PREFIX).count())
            # bulk_create sends no signals: make every cached page stale in one go.
            ContentVersion.bump()
        if connection.vendor == "postgresql":
            # Fresh planner statistics, as autovacuum would gather soon after a bulk load.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        self.stdout.write(self.style.SUCCESS("Synthetic content added."))

    def agreements(self, count, start, batch_size):
        codes = [code for code, _ in countries]
        scopes = [choice for choice, _ in BilateralAgreement.Scope.choices]
        regions = [choice for choice, _ in Region.choices]
        taken = set(BilateralAgreement.objects.published().values_list("country", "scope"))
        funder = FundingPartner.objects.first()
        activities = list(Activity.objects.all())
        combinations = itertools.cycle(itertools.product(codes, scopes))
        made = []
        for n in range(start, start + count):
            country, scope = next(combinations)
            # The database allows one published agreement per country and scope; the rest are drafts.
            published = (country, scope) not in taken
            taken.add((country, scope))
            made.append(
                BilateralAgreement(
                    slug=f"{PREFIX}-agreement-{n}",
                    country=country,
                    scope=scope,
                    region=regions[n % len(regions)],
                    title_en=f"Synthetic benchmark agreement {n}",
                    title_da=f"Syntetisk testaftale {n}",
                    summary_en="Synthetic content for performance measurements.",
                    summary_da="Syntetisk indhold til ydelsesmålinger.",
                    description_en="<p>Synthetic content for performance measurements.</p>",
                    description_da="<p>Syntetisk indhold til ydelsesmålinger.</p>",
                    is_published=published,
                )
            )
        created = BilateralAgreement.objects.bulk_create(made, batch_size=batch_size)
        if funder:
            through = BilateralAgreement.funding_partners.through
            through.objects.bulk_create(
                [through(bilateralagreement=a, fundingpartner=funder) for a in created[::3]], batch_size=batch_size
            )
        if activities:
            through = BilateralAgreement.activities.through
            through.objects.bulk_create(
                [
                    through(bilateralagreement=a, activity=activities[i % len(activities)])
                    for i, a in enumerate(created)
                ],
                batch_size=batch_size,
            )

    def centres(self, count, start):
        codes = [code for code, _ in countries]
        InnovationCentre.objects.bulk_create(
            InnovationCentre(
                slug=f"{PREFIX}-centre-{n}",
                name_en=f"Synthetic benchmark centre {n}",
                name_da=f"Syntetisk testcenter {n}",
                city_en=f"Synthetic city {n}",
                city_da=f"Syntetisk by {n}",
                country=codes[n % len(codes)],
                position=1000 + n,
            )
            for n in range(start, start + count)
        )

    def contacts(self, count, start):
        ContactPerson.objects.bulk_create(
            ContactPerson(
                slug=f"{PREFIX}-contact-{n}",
                name=f"Synthetic Contact {n}",
                email=f"synthetic-{n}@example.invalid",
                position=1000 + n,
            )
            for n in range(start, start + count)
        )
