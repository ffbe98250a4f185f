"""The data page (Page.Key.DATA), and the page itself on a database that was seeded before it existed.

A new database gets the page from seed_portal with the rest of the content. One seeded before (its
pages have the seed's history rows) has the other pages but not this one, while every page's footer
now links to it: it is added here, with the seed's text (the files' description, no terms of reuse:
those are the ministry's to write) and the seed's history row. A database that was never seeded is
left to its editors.
"""

from django.db import migrations, models
from django.db.models import F, Value
from django.db.models.functions import Greatest
from django.utils import timezone

SEED_REASON = "Loaded from the ministry's source page"
DATA_PAGE = {
    "key": "data",
    "title_en": "Open data",
    "title_da": "Åbne data",
    "summary_en": "The bilateral agreements, the Innovation Centres and the contact persons as CSV and JSON files.",
    "summary_da": "De bilaterale aftaler, innovationscentrene og kontaktpersonerne som CSV- og JSON-filer.",
    "body_en": "<p>The files are made from the same content as the pages of this website, and change when it does.</p>",
    "body_da": "<p>Filerne dannes af det samme indhold som siderne på dette websted og ændres, når indholdet gør.</p>",
}


def add_data_page(apps, schema_editor):
    Page = apps.get_model("ufm_intl", "Page")
    history = apps.get_model("ufm_intl", "HistoricalPage")
    seeded = history.objects.filter(history_change_reason=SEED_REASON).exists()
    if not seeded or Page.objects.filter(key="data").exists():
        return
    # modeltranslation keeps the English text in the untranslated columns as well.
    page = Page.objects.create(
        title=DATA_PAGE["title_en"], summary=DATA_PAGE["summary_en"], body=DATA_PAGE["body_en"], **DATA_PAGE
    )
    history.objects.create(
        **{field.attname: getattr(page, field.attname) for field in Page._meta.concrete_fields},
        history_date=timezone.now(),
        history_type="+",
        history_change_reason=SEED_REASON,
    )
    # Cached pages were rendered without the footer link and the search form.
    now = timezone.now()
    apps.get_model("publishing", "ContentVersion").objects.filter(pk=1).update(
        version=Greatest(F("version") + 1, Value(int(now.timestamp() * 1_000_000))), updated_at=now
    )


class Migration(migrations.Migration):
    dependencies = [
        ("ufm_intl", "0005_seeded_content_true_to_source"),
        ("publishing", "0001_initial"),
    ]

    operations = [
        migrations.AlterField(
            model_name="historicalpage",
            name="key",
            field=models.CharField(
                choices=[
                    ("overview", "Overview"),
                    ("programmes", "Programmes"),
                    ("accessibility", "Accessibility statement"),
                    ("data", "Open data"),
                ],
                db_index=True,
                help_text="Which page of the site this text belongs to.",
                max_length=30,
                verbose_name="page",
            ),
        ),
        migrations.AlterField(
            model_name="page",
            name="key",
            field=models.CharField(
                choices=[
                    ("overview", "Overview"),
                    ("programmes", "Programmes"),
                    ("accessibility", "Accessibility statement"),
                    ("data", "Open data"),
                ],
                help_text="Which page of the site this text belongs to.",
                max_length=30,
                unique=True,
                verbose_name="page",
            ),
        ),
        migrations.RunPython(add_data_page, migrations.RunPython.noop),
    ]
