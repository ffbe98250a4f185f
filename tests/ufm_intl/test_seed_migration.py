"""The migration that makes seeded content true to the source changes only what is exactly as seeded."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.ufm_intl.test_source import SOURCE

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import json
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

BEFORE = [("ufm_intl", "0004_accessibility_statement_fields")]
executor = MigrationExecutor(connection)
executor.migrate(BEFORE)
old = executor.loader.project_state(BEFORE).apps
SEED = "Loaded from the ministry's source page"
now = timezone.now()

User = old.get_model("auth", "User")
editor = User.objects.create(username="karin", is_staff=True)
Centre = old.get_model("centres", "InnovationCentre")
History = old.get_model("centres", "HistoricalInnovationCentre")
FocusArea = old.get_model("centres", "FocusArea")
areas = [
    FocusArea.objects.create(name_en=slug, slug=slug)
    for slug in ["green-technologies", "information-and-communication-technologies", "health-and-biotechnology"]
]
SUMMARY = (
    "One of the seven Innovation Centres that the ministry has established in cooperation with the "
    "Ministry of Foreign Affairs. The centre works to promote international networking of research and "
    "higher education institutions and companies."
)


def centre(slug, city, *, seeded, edited_by=None, name_da=None):
    item = Centre.objects.create(
        slug=slug, name=f"Innovation Centre Denmark {city}", name_en=f"Innovation Centre Denmark {city}",
        name_da=name_da or f"Innovationscenter Danmark {city}", city_en=city, country="DE",
        summary=SUMMARY, summary_en=SUMMARY,
    )
    item.focus_areas.set(areas)
    for user, reason in [(None, SEED if seeded else "Typed in"), (edited_by, "Edited")][: 2 if edited_by else 1]:
        History.objects.create(
            id=item.id, slug=slug, name_en=item.name_en, city_en=city, country="DE", is_published=True,
            position=0, created_at=now, updated_at=now, history_date=now, history_type="+",
            history_user=user, history_change_reason=reason,
        )
    return item


centre("munich", "München", seeded=True)
centre("seoul", "Seoul", seeded=True, edited_by=editor, name_da="Innovation Centre Denmark i Seoul")
centre("paris", "Paris", seeded=False)

executor.loader.build_graph()
executor.migrate(executor.loader.graph.leaf_nodes())

from centres.models import InnovationCentre

print(json.dumps({
    c.slug: [c.name_da, c.summary_en, sorted(a.slug for a in c.focus_areas.all())]
    for c in InnovationCentre.objects.order_by("slug")
}))
"""


def run_on_a_new_database(script, tmp_path):
    """Run ``script`` in the project's shell on a new SQLite database; what it printed last, as JSON."""
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"} | {
        "DJANGO_SETTINGS_MODULE": "ufm_intl.settings",
        "DEBUG": "true",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'seeded.sqlite3'}",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-v", "0", "-c", script],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_only_what_is_exactly_as_seeded_is_made_true_to_the_source(tmp_path):
    centres = run_on_a_new_database(SCRIPT, tmp_path)

    all_areas = ["green-technologies", "health-and-biotechnology", "information-and-communication-technologies"]
    # Seeded and never edited: the brand, the city-specific summary, no focus areas given to it alone.
    assert centres["munich"] == [
        "Innovation Centre Denmark München",
        "One of the seven Innovation Centres that the ministry has established in cooperation with the "
        "Ministry of Foreign Affairs, located in Munich.",
        [],
    ]
    # Seeded, then edited by an editor: the relations stay; texts change only where still as seeded.
    assert centres["seoul"][0] == "Innovation Centre Denmark i Seoul"
    assert centres["seoul"][2] == all_areas
    # Not made by the seed: nothing changes.
    assert centres["paris"][0] == "Innovationscenter Danmark Paris" and centres["paris"][2] == all_areas


NAMING_SCRIPT = """
import importlib, json
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from ufm_intl.seed_content import INITIATIVES

BEFORE = [("ufm_intl", "0013_search_indexes")]
executor = MigrationExecutor(connection)
executor.migrate(BEFORE)
old = executor.loader.project_state(BEFORE).apps
migration = importlib.import_module("ufm_intl.migrations.0014_centres_established_in_the_sources_words")
now = timezone.now()

seeded = next(item for item in INITIATIVES if item["slug"] == "innovation-centre-denmark")
texts = {field: seeded[field] for field in ("body_en", "body_da")}
for field, before, after in migration.SENTENCES:
    texts[field] = texts[field].replace(after, before)
texts["body_da"] = texts["body_da"].replace("Ministeriet har i", "Ministeriet (UFM) har i")  # an editor's change

Initiative = old.get_model("ufm_intl", "Initiative")
History = old.get_model("ufm_intl", "HistoricalInitiative")
item = Initiative.objects.create(
    slug_en="innovation-centre-denmark", slug_da="innovation-centre-denmark", kind="centres",
    title_en="Innovation Centre Denmark (ICDK)", body=texts["body_en"], **texts,
)
History.objects.create(
    id=item.id, slug_en=item.slug_en, kind="centres", title_en=item.title_en, body_en=texts["body_en"],
    is_published=True, position=0, created_at=now, updated_at=now, history_date=now, history_type="+",
    history_user=None, history_change_reason=REASON,
)

executor.loader.build_graph()
executor.migrate(executor.loader.graph.leaf_nodes())

from ufm_intl.models import Initiative

item = Initiative.objects.get(slug_en="innovation-centre-denmark")
print(json.dumps({
    "body_en": item.body_en,
    "body_da": item.body_da,
    "reasons": list(item.history.order_by("history_date").values_list("history_change_reason", flat=True)),
}))
"""


@pytest.mark.parametrize("seeded", [True, False])
def test_the_centres_initiative_names_the_ministry_as_the_source_does_where_still_as_seeded(tmp_path, seeded):
    reason = "Loaded from the ministry's source page" if seeded else "Typed in"
    item = run_on_a_new_database(f"REASON = {reason!r}\n" + NAMING_SCRIPT, tmp_path)

    source = SOURCE.read_text(encoding="utf-8")
    for sentence in [
        "The Ministry of Education and Research, in cooperation with the Ministry of Foreign Affairs, has "
        "established seven Innovation Centres.",
        "The Ministry of Education and Research has a posted innovation attaché at each of the seven "
        "Innovation Centres.",
    ]:
        assert sentence in source
        assert (sentence in item["body_en"]) is seeded
    # The Danish text an editor changed is left as the editor wrote it.
    assert "Ministeriet (UFM) har i samarbejde med Udenrigsministeriet" in item["body_da"]
    assert "Uddannelses- og Forskningsministeriet har i samarbejde" not in item["body_da"]
    # The Danish attaché sentence, still as seeded, is corrected with the English.
    attache = "Uddannelses- og Forskningsministeriet har en udsendt innovationsattaché"
    assert (attache in item["body_da"]) is seeded
    assert item["reasons"] == [reason, "Worded as the ministry's source page"] if seeded else [reason]
