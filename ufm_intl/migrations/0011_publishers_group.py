"""The Publishers group: who may publish, unpublish and schedule content, and answer editors' review requests.

Editors write and submit drafts for review; publishers publish them. Publishers view and change the
editorial content (publishing saves the item) and hold ``publishing.publish_content``. The Editors
group is left as it is. A ministry that wants one step puts its editors in both groups.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORIAL_MODELS = {
    "ufm_intl": ["page", "initiative"],
    "centres": ["innovationcentre"],
    "agreements": ["bilateralagreement", "agreementdocument"],
    "contacts": ["contactperson"],
}
ACTIONS = ["change", "view"]
PUBLISHING_CODENAMES = ["publish_content", "view_reviewrequest"]


def create_publishers_group(apps, schema_editor):
    # Permissions are normally created after all migrations; the group needs them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    grant_publisher_permissions(apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"))


def grant_publisher_permissions(Group, Permission):
    group, _ = Group.objects.get_or_create(name="Publishers")
    content = [
        permission
        for app_label, models in EDITORIAL_MODELS.items()
        for permission in Permission.objects.filter(
            content_type__app_label=app_label,
            codename__in=[f"{action}_{model}" for model in models for action in ACTIONS],
        )
    ]
    publishing = Permission.objects.filter(content_type__app_label="publishing", codename__in=PUBLISHING_CODENAMES)
    group.permissions.add(*content, *publishing)


def remove_publishers_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="Publishers").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("ufm_intl", "0010_editors_keep_redirects_and_change_notes"),
        ("publishing", "0003_review_requests"),
    ]

    operations = [migrations.RunPython(create_publishers_group, remove_publishers_group)]
