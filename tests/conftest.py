import importlib
from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, Permission, User
from django.core.cache import cache
from django.test import Client
from django.utils import timezone, translation

from agreements.models import BilateralAgreement
from publishing import scheduling
from tests.clock import NINE_FIFTY_NINE
from ufm_intl.seed import seed_portal


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test rolls the database back, so cached pages from another test must not be served."""
    cache.clear()


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in the default language, whatever language an earlier test's request left active:
    lookups of translated fields (``slug``) are in the active language."""
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database starts with the seed content, loaded once for the whole run."""
    with django_db_blocker.unblock():
        seed_portal()


@pytest.fixture
def seeded(db):
    """The seed content and the Editors group.

    Transactional tests (the browser tests) empty the database afterwards, so both are restored if missing.
    """
    if not BilateralAgreement.objects.exists():
        seed_portal()
    if not Group.objects.filter(name="Editors").exists():
        editors_migration = importlib.import_module("ufm_intl.migrations.0002_editors_group_and_content_version")
        editors_migration.grant_editor_permissions(Group, Permission)


@pytest.fixture
def visitor():
    """An anonymous visitor, separate from the (possibly logged-in) ``client``."""
    return Client()


@pytest.fixture
def editor(seeded):
    user = User.objects.create_user("editor", "editor@example.org", "correct-horse-battery-staple", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def publishers_group():
    """The Publishers group, restored if a transactional test emptied the database."""
    if not Group.objects.filter(name="Publishers").exists():
        publishers_migration = importlib.import_module("ufm_intl.migrations.0011_publishers_group")
        publishers_migration.grant_publisher_permissions(Group, Permission)
    return Group.objects.get(name="Publishers")


@pytest.fixture
def publisher(seeded):
    """A member of the Publishers group only: publishes, unpublishes and schedules what editors submit."""
    user = User.objects.create_user(
        "publisher", "publisher@example.org", "correct-horse-battery-staple", is_staff=True,
        first_name="Pia", last_name="Krogh",
    )  # fmt: skip
    user.groups.add(publishers_group())
    return user


@pytest.fixture
def publisher_client(publisher):
    """The publisher, logged in in a browser of her own (``client`` may be an editor's)."""
    client = Client()
    client.force_login(publisher)
    return client


@pytest.fixture
def one_step_editor(seeded):
    """An editor also in the Publishers group: a ministry that publishes in one step."""
    user = User.objects.create_user("onestep", "onestep@example.org", "correct-horse-battery-staple", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"), publishers_group())
    return user


@pytest.fixture
def one_step_client(one_step_editor):
    client = Client()
    client.force_login(one_step_editor)
    return client


@pytest.fixture
def clock(monkeypatch):
    """The time the site believes it is: ``clock.now = ...``."""

    class Clock:
        now = NINE_FIFTY_NINE - timedelta(hours=1)

    current = Clock()
    monkeypatch.setattr(timezone, "now", lambda: current.now)
    scheduling.forget()
    yield current
    scheduling.forget()
