import time

from django.db import migrations, models


def create_content_version(apps, schema_editor):
    # Start from the current time in microseconds, as every bump does (publishing/versions.py), so that a
    # new database never reuses a version number a shared cache may still hold pages under.
    apps.get_model("publishing", "ContentVersion").objects.get_or_create(
        pk=1, defaults={"version": time.time_ns() // 1000}
    )


class Migration(migrations.Migration):
    initial = True

    dependencies = []

    operations = [
        migrations.CreateModel(
            name="ContentVersion",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("version", models.PositiveBigIntegerField(default=1, verbose_name="version")),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="created")),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="last modified")),
            ],
            options={
                "verbose_name": "content version",
                "verbose_name_plural": "content versions",
                "ordering": ["pk"],
            },
        ),
        migrations.RunPython(create_content_version, migrations.RunPython.noop),
    ]
