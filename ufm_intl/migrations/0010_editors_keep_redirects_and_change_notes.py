"""Editors add and correct redirects from old addresses, and correct the public change notes they write."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CODENAMES = ["add_redirect", "change_redirect", "view_redirect", "change_changenote", "view_changenote"]


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations; the group needs them now.
    app_config = apps.get_app_config("publishing")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    permissions = apps.get_model("auth", "Permission").objects.filter(
        content_type__app_label="publishing", codename__in=CODENAMES
    )
    for group in apps.get_model("auth", "Group").objects.filter(name="Editors"):
        group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    permissions = apps.get_model("auth", "Permission").objects.filter(
        content_type__app_label="publishing", codename__in=CODENAMES
    )
    for group in apps.get_model("auth", "Group").objects.filter(name="Editors"):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("ufm_intl", "0009_editors_edit_agreement_documents"),
        ("publishing", "0002_redirects_and_change_notes"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
