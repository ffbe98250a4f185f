"""Initiatives keep their address word in Danish too: it is the anchor of their card (#slug), and links
to an anchor cannot be redirected if it changed. Editors can give one a Danish word in the admin."""

from django.db import migrations


def fill_slugs(apps, schema_editor):
    Initiative = apps.get_model("ufm_intl", "Initiative")
    for row in Initiative.objects.all():
        row.slug_en = row.slug_en or row.slug
        row.slug_da = row.slug_da or row.slug_en
        row.save(update_fields=["slug_en", "slug_da"])


class Migration(migrations.Migration):
    dependencies = [("ufm_intl", "0007_schedule_and_slug_per_language")]

    operations = [migrations.RunPython(fill_slugs, migrations.RunPython.noop)]
