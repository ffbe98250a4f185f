"""Synthetic content for benchmarks only: clearly fake, and never part of seed_portal.

    .venv/bin/python bench/generate_content.py --agreements 10000 --centres 100 --contacts 100

Every slug starts with "synthetic-". Never run this on a production database: it uses the database
that DATABASE_URL names, like manage.py.
"""

import argparse
import itertools
import os
import sys
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ufm_intl.settings")
django.setup()

from django.db import connection, transaction  # noqa: E402
from django_countries import countries  # noqa: E402

from agreements.models import Activity, BilateralAgreement, FundingPartner, Region  # noqa: E402
from centres.models import InnovationCentre  # noqa: E402
from contacts.models import ContactPerson  # noqa: E402
from publishing import versions  # noqa: E402

PREFIX = "synthetic"


class Generator:
    def handle(self, **options):
        with transaction.atomic():
            start = BilateralAgreement.objects.filter(slug__startswith=PREFIX).count()
            self.agreements(options["agreements"], start, options["batch_size"])
            self.centres(options["centres"], InnovationCentre.objects.filter(slug__startswith=PREFIX).count())
            self.contacts(options["contacts"], ContactPerson.objects.filter(slug__startswith=PREFIX).count())
            # bulk_create sends no signals: make every cached page stale in one go.
            versions.bump()
        if connection.vendor == "postgresql":
            # Fresh planner statistics, as autovacuum would gather soon after a bulk load.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        print("Synthetic content added.")

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


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    for name in ("agreements", "centres", "contacts"):
        parser.add_argument(f"--{name}", type=int, default=0)
    parser.add_argument("--batch-size", type=int, default=2000)
    args = parser.parse_args()
    if min(args.agreements, args.centres, args.contacts) < 0:
        parser.error("counts cannot be negative")
    Generator().handle(**vars(args))


if __name__ == "__main__":
    main()
