"""When each item was first published: the date of its "new" entry in the feeds (publishing/feeds.py).

Items published before this migration get a date once: the seeded content (history rows with the
seed's reason) the source's date, 31 January 2022, which its pages already show; any other item the
time it was created. Drafts get theirs when they are first saved as published.
"""

from datetime import datetime
from zoneinfo import ZoneInfo

from django.db import migrations, models
from django.db.models import F

SEED_REASON = "Loaded from the ministry's source page"
SOURCE_DATE = datetime(2022, 1, 31, 12, tzinfo=ZoneInfo("Europe/Copenhagen"))


def date_published_items(apps, schema_editor):
    for name in ["BilateralAgreement"]:
        model = apps.get_model("agreements", name)
        seeded = apps.get_model("agreements", f"Historical{name}").objects.filter(history_change_reason=SEED_REASON)
        undated = model.objects.filter(is_published=True, first_published_at__isnull=True)
        undated.filter(pk__in=seeded.values("id")).update(first_published_at=SOURCE_DATE)
        undated.update(first_published_at=F("created_at"))


class Migration(migrations.Migration):
    dependencies = [
        ("agreements", "0005_status_dates_and_documents"),
    ]

    operations = [
        migrations.AddField(
            model_name="bilateralagreement",
            name="first_published_at",
            field=models.DateTimeField(blank=True, editable=False, null=True, verbose_name="first published"),
        ),
        migrations.AddField(
            model_name="historicalbilateralagreement",
            name="first_published_at",
            field=models.DateTimeField(blank=True, editable=False, null=True, verbose_name="first published"),
        ),
        migrations.RunPython(date_published_items, migrations.RunPython.noop),
    ]
