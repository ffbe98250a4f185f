"""The Innovation Centres' initiative says who established the centres as the source page does.

The seed wrote "The ministry … has established seven Innovation Centres" and "The ministry has a posted
innovation attaché"; the source names the ministry: "The Ministry of Education and Research" (in
Danish, Uddannelses- og Forskningsministeriet). As in 0005, only what is exactly as seeded changes (here
each sentence), on the initiative the seed made; the change gets a row in the initiative's history.
"""

from django.db import migrations
from django.db.models import F, Value
from django.db.models.functions import Greatest
from django.utils import timezone

SEED_REASON = "Loaded from the ministry's source page"
REASON = "Worded as the ministry's source page"
SLUG = "innovation-centre-denmark"

# (field, as seeded: the sentences to replace, true to the source)
SENTENCES = [
    (
        "body_en",
        "<p>The ministry, in cooperation with the Ministry of Foreign Affairs, has established seven ",
        "<p>The Ministry of Education and Research, in cooperation with the Ministry of Foreign Affairs, "
        "has established seven ",
    ),
    (
        "body_en",
        " The ministry has a posted innovation attaché at each of the seven ",
        " The Ministry of Education and Research has a posted innovation attaché at each of the seven ",
    ),
    (
        "body_da",
        "<p>Ministeriet har i samarbejde med Udenrigsministeriet etableret syv innovationscentre.",
        "<p>Uddannelses- og Forskningsministeriet har i samarbejde med Udenrigsministeriet etableret syv "
        "innovationscentre.",
    ),
    (
        "body_da",
        " Ministeriet har en udsendt innovationsattaché ved hvert af de syv innovationscentre.",
        " Uddannelses- og Forskningsministeriet har en udsendt innovationsattaché ved hvert af de syv "
        "innovationscentre.",
    ),
]


def name_the_ministry(apps, schema_editor):
    Initiative = apps.get_model("ufm_intl", "Initiative")
    History = apps.get_model("ufm_intl", "HistoricalInitiative")
    seeded = History.objects.filter(history_change_reason=SEED_REASON).values_list("id", flat=True)
    now = timezone.now()
    for initiative in Initiative.objects.filter(slug_en=SLUG, pk__in=seeded):
        changed = False
        for field, before, after in SENTENCES:
            text = getattr(initiative, field) or ""
            if text.count(before) == 1:
                setattr(initiative, field, text.replace(before, after))
                changed = True
        if not changed:
            continue
        # modeltranslation keeps the English text in the untranslated column as well.
        initiative.body = initiative.body_en
        fields = {field.attname: getattr(initiative, field.attname) for field in Initiative._meta.concrete_fields}
        Initiative.objects.filter(pk=initiative.pk).update(
            **{name: value for name, value in fields.items() if name != "id"}
        )
        History.objects.create(
            **fields, history_date=now, history_type="~", history_change_reason=REASON, history_user=None
        )
    # Cached pages were rendered from the old text.
    apps.get_model("publishing", "ContentVersion").objects.filter(pk=1).update(
        version=Greatest(F("version") + 1, Value(int(now.timestamp() * 1_000_000))), updated_at=now
    )


class Migration(migrations.Migration):
    dependencies = [
        ("ufm_intl", "0013_search_indexes"),
        ("publishing", "0001_initial"),
    ]

    operations = [migrations.RunPython(name_the_ministry, migrations.RunPython.noop)]
