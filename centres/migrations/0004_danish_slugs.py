"""Each centre gets its Danish address word: the city's Danish name where the English slug is the city's
English name ("munich" → "muenchen"), else the Danish name."""

from django.db import migrations
from django.utils.text import slugify

from publishing.addresses import danish_slug, unique_slug


def fill_slugs(apps, schema_editor):
    InnovationCentre = apps.get_model("centres", "InnovationCentre")
    rows = list(InnovationCentre.objects.order_by("pk"))
    taken = set()
    for row in rows:
        row.slug_en = row.slug_en or row.slug
        if row.slug_en == slugify(row.city_en or ""):
            source = row.city_da or row.city_en
        else:
            source = row.name_da or row.name_en or row.slug_en
        row.slug_da = unique_slug(danish_slug(source) or row.slug_en, taken)
        taken.add(row.slug_da)
        row.save(update_fields=["slug_en", "slug_da"])


class Migration(migrations.Migration):
    dependencies = [("centres", "0003_schedule_and_slug_per_language")]

    operations = [migrations.RunPython(fill_slugs, migrations.RunPython.noop)]
