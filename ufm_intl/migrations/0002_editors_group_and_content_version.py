from django.contrib.auth.management import create_permissions
from django.db import migrations

CONTENT_MODELS = {
    "ufm_intl": ["page", "initiative"],
    "centres": ["innovationcentre", "focusarea"],
    "agreements": ["bilateralagreement", "fundingpartner", "activity", "countryalias"],
    "contacts": ["contactperson"],
}
# Editors keep content current: they add, change (and restore from history) and unpublish, but do
# not delete, and have nothing to do with accounts. Superusers delete and manage accounts.
ACTIONS = ["add", "change", "view"]


def create_editors_group(apps, schema_editor):
    # Permissions are normally created after all migrations; the group needs them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    grant_editor_permissions(apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"))


def grant_editor_permissions(Group, Permission):
    group, _ = Group.objects.get_or_create(name="Editors")
    codenames = [f"{action}_{model}" for models in CONTENT_MODELS.values() for model in models for action in ACTIONS]
    permissions = Permission.objects.filter(
        content_type__app_label__in=CONTENT_MODELS.keys(), codename__in=codenames
    )
    group.permissions.set(permissions)


def remove_editors_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="Editors").delete()


def create_content_version(apps, schema_editor):
    apps.get_model("ufm_intl", "ContentVersion").objects.get_or_create(pk=1)


class Migration(migrations.Migration):
    dependencies = [
        ("ufm_intl", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("centres", "0001_initial"),
        ("agreements", "0001_initial"),
        ("contacts", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(create_editors_group, remove_editors_group),
        migrations.RunPython(create_content_version, migrations.RunPython.noop),
    ]
