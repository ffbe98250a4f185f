"""Each agreement gets its Danish address word: the country's Danish name where the English slug is the
country's English name ("germany" → "tyskland"), else the Danish title."""

from django.db import migrations
from django.utils import translation
from django.utils.text import slugify
from django_countries import countries

from publishing.addresses import danish_slug, unique_slug


def fill_slugs(apps, schema_editor):
    BilateralAgreement = apps.get_model("agreements", "BilateralAgreement")
    rows = list(BilateralAgreement.objects.order_by("pk"))
    taken = set()
    for row in rows:
        row.slug_en = row.slug_en or row.slug
        code = str(row.country)
        with translation.override("en"):
            english_name = countries.name(code)
        with translation.override("da"):
            danish_name = countries.name(code)
        source = danish_name if row.slug_en == slugify(english_name) else (row.title_da or row.title_en or row.slug_en)
        row.slug_da = unique_slug(danish_slug(source) or row.slug_en, taken)
        taken.add(row.slug_da)
        row.save(update_fields=["slug_en", "slug_da"])


class Migration(migrations.Migration):
    dependencies = [("agreements", "0003_schedule_and_slug_per_language")]

    operations = [migrations.RunPython(fill_slugs, migrations.RunPython.noop)]
