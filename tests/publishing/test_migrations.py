"""A database made by the previous schema (before publishing/ existed) migrates with all its content.

The test builds that database from the migrations as they were (ufm_intl 0002 and the content apps'
0001), fills it through the models of that schema, content, relations and history, then migrates to
the current schema and reads everything back through today's models. On SQLite and PostgreSQL.
"""

import pytest

from tests.fresh_database import run_in_fresh_database

SCRIPT = """
import json
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

PREVIOUS = [
    ("ufm_intl", "0002_editors_group_and_content_version"),
    ("centres", "0001_initial"),
    ("agreements", "0001_initial"),
    ("contacts", "0001_initial"),
    ("admin", "0003_logentry_add_action_flag_choices"),
    ("sessions", "0001_initial"),
]
executor = MigrationExecutor(connection)
executor.migrate(PREVIOUS)
old = executor.loader.project_state(PREVIOUS).apps
assert not any(app == "publishing" for app, _ in executor.loader.applied_migrations)

User = old.get_model("auth", "User")
editor = User.objects.create(username="karin", is_staff=True)
person = old.get_model("contacts", "ContactPerson").objects.create(
    name="Karin Rasmussen", slug="karin", phone="+4572318213", email="kra@ufm.dk", job_title_en="Adviser",
    job_title_da="Fuldmægtig",
)
area = old.get_model("centres", "FocusArea").objects.create(name_en="Research", name_da="Forskning", slug="research")
centre = old.get_model("centres", "InnovationCentre").objects.create(
    name_en="Innovation Centre Denmark Munich", name_da="Innovationscenter Danmark München", slug="munich",
    city_en="Munich", city_da="München", country="DE", attache=person, body_en="<p>Body</p>",
)
centre.focus_areas.add(area)
activity = old.get_model("agreements", "Activity").objects.create(name_en="Mobility", name_da="Mobilitet", slug="mobility")
fund = old.get_model("agreements", "FundingPartner").objects.create(name_en="Innovation Fund Denmark", slug="ifd")
agreement = old.get_model("agreements", "BilateralAgreement").objects.create(
    country="DE", region="europe", title_en="Agreement with Germany", title_da="Aftale med Tyskland", slug="germany",
)
agreement.activities.add(activity)
agreement.funding_partners.add(fund)
old.get_model("agreements", "CountryAlias").objects.create(country="DE", alias="Deutschland")
old.get_model("agreements", "HistoricalBilateralAgreement").objects.create(
    id=agreement.id, country="DE", region="europe", title_en="Agreement with Germany", slug="germany",
    scope="education-research", is_published=True, created_at=timezone.now(), updated_at=timezone.now(),
    history_date=timezone.now(), history_type="+", history_user=editor, history_change_reason="Typed in",
)
old.get_model("ufm_intl", "Page").objects.create(key="overview", title_en="International cooperation")
old.get_model("ufm_intl", "ContentVersion").objects.filter(pk=1).update(version=57)

executor.loader.build_graph()
executor.migrate(executor.loader.graph.leaf_nodes())

from django.contrib.auth.models import Group
from agreements.models import BilateralAgreement, CountryAlias
from centres.models import InnovationCentre
from contacts.models import ContactPerson
from publishing import versions
from ufm_intl.models import Page

agreement = BilateralAgreement.objects.get(slug="germany")
centre = InnovationCentre.objects.get(slug="munich")
person = ContactPerson.objects.get(slug="karin")
record = agreement.history.get()
before = versions.current()
versions.bump()
print(json.dumps({
    "agreement": [agreement.title_en, agreement.title_da, str(agreement.country)],
    "activities": [a.slug for a in agreement.activities.all()],
    "funders": [f.slug for f in agreement.funding_partners.all()],
    "centre": [centre.name_da, centre.attache.name, [a.name_da for a in centre.focus_areas.all()]],
    "phone": [person.phone_e164, person.phone_display, person.job_title_da],
    "alias": list(CountryAlias.objects.values_list("alias", flat=True)),
    "page": Page.objects.get().title,
    "history": [record.history_user.username, record.history_change_reason],
    "editors_permissions": Group.objects.get(name="Editors").permissions.count(),
    "version_moves_on": versions.current() > before,
}))
"""


@pytest.mark.parametrize("database", ["sqlite", "postgresql"])
def test_a_database_of_the_previous_schema_keeps_its_content_and_history(tmp_path, database):
    found = run_in_fresh_database(SCRIPT, database=database, tmp_path=tmp_path, name="ufm_previous_schema")
    assert found["agreement"] == ["Agreement with Germany", "Aftale med Tyskland", "DE"]
    assert found["activities"] == ["mobility"]
    assert found["funders"] == ["ifd"]
    assert found["centre"] == ["Innovationscenter Danmark München", "Karin Rasmussen", ["Forskning"]]
    assert found["phone"] == ["+4572318213", "+45 72 31 82 13", "Fuldmægtig"]
    assert found["alias"] == ["Deutschland"]
    assert found["page"] == "International cooperation"
    assert found["history"] == ["karin", "Typed in"]
    assert found["editors_permissions"] == 35  # agreement documents, redirects and change notes included
    assert found["version_moves_on"] is True
