"""The site's own pages (overview, programmes, accessibility statement, open data) stay published.

From now on no path may unpublish them or schedule them off the site (``Page.always_public``). A page
that is a draft or has such a schedule already is published again and its schedule cleared, so that the
menu's and footer's links work and its form can be saved; the change gets a row in its history.
"""

from django.db import migrations
from django.db.models import F, Q, Value
from django.db.models.functions import Greatest
from django.utils import timezone

REASON = "Published again: a page of the site"


def publish_the_sites_pages(apps, schema_editor):
    Page = apps.get_model("ufm_intl", "Page")
    History = apps.get_model("ufm_intl", "HistoricalPage")
    now = timezone.now()
    off_the_site = Q(is_published=False) | Q(publish_from__gt=now) | Q(unpublish_at__isnull=False)
    pages = list(Page.objects.filter(off_the_site))
    for page in pages:
        page.is_published = True
        page.unpublish_at = None
        if page.publish_from and page.publish_from > now:
            page.publish_from = None
        page.first_published_at = page.first_published_at or now
        page.updated_at = now
        fields = {field.attname: getattr(page, field.attname) for field in Page._meta.concrete_fields}
        Page.objects.filter(pk=page.pk).update(**{name: value for name, value in fields.items() if name != "id"})
        History.objects.create(
            **fields, history_date=now, history_type="~", history_change_reason=REASON, history_user=None
        )
    if pages:
        # Cached pages were rendered without them.
        apps.get_model("publishing", "ContentVersion").objects.filter(pk=1).update(
            version=Greatest(F("version") + 1, Value(int(now.timestamp() * 1_000_000))), updated_at=now
        )


class Migration(migrations.Migration):
    dependencies = [
        ("ufm_intl", "0014_centres_established_in_the_sources_words"),
        ("publishing", "0001_initial"),
    ]

    operations = [migrations.RunPython(publish_the_sites_pages, migrations.RunPython.noop)]
