from django.db import migrations


class Migration(migrations.Migration):
    """The content version now lives in publishing (publishing_contentversion).

    It is a counter, not content: its new table starts at a number no cached page can be keyed by, so
    the old table is dropped rather than copied.
    """

    dependencies = [
        ("ufm_intl", "0002_editors_group_and_content_version"),
        ("publishing", "0001_initial"),
    ]

    operations = [
        migrations.DeleteModel(name="ContentVersion"),
    ]
