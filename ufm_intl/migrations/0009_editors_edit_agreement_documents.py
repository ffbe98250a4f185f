"""Editors add and change the documents of agreements (the PDFs visitors download), as they edit agreements."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CODENAMES = ["add_agreementdocument", "change_agreementdocument", "view_agreementdocument"]


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations; the group needs them now.
    app_config = apps.get_app_config("agreements")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(content_type__app_label="agreements", codename__in=CODENAMES)
    for group in Group.objects.filter(name="Editors"):
        group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(content_type__app_label="agreements", codename__in=CODENAMES)
    for group in Group.objects.filter(name="Editors"):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("ufm_intl", "0008_initiative_slugs"),
        ("agreements", "0005_status_dates_and_documents"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
