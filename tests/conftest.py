import pytest
from django.contrib.auth.models import Group, User
from django.core.cache import cache

from agreements.models import BilateralAgreement
from ufm_intl.services import seed_portal


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test rolls the database back, so cached pages from another test must not be served."""
    cache.clear()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database starts with the seed content, loaded once for the whole run."""
    with django_db_blocker.unblock():
        seed_portal()


@pytest.fixture
def seeded(db):
    """The seed content. Browser tests flush the database after each test, so it is reloaded if missing."""
    if not BilateralAgreement.objects.exists():
        seed_portal()


@pytest.fixture
def editor(db):
    user = User.objects.create_user("editor", "editor@example.org", "correct-horse-battery-staple", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client
