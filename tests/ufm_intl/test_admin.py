"""The admin for the site's own pages and the ministry's initiatives."""

import importlib
from datetime import timedelta

import pytest
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.utils import timezone

from tests.admin_helpers import assert_saving_unchanged_changes_nothing, form_data
from ufm_intl.models import Page


def test_saving_a_form_unchanged_works_and_changes_nothing(seeded, editor_client):
    url = f"/admin/ufm_intl/page/{Page.objects.get(key='overview').pk}/change/"
    assert_saving_unchanged_changes_nothing(editor_client, url)


def test_pages_have_a_fixed_place_and_cannot_be_deleted(seeded, admin_client):
    page = Page.objects.get(key="overview")

    response = admin_client.post(f"/admin/ufm_intl/page/{page.pk}/delete/", {"post": "yes"})

    assert response.status_code == 403
    assert Page.objects.filter(pk=page.pk).exists()


def page_form(client, page, **changes):
    url = f"/admin/ufm_intl/page/{page.pk}/change/"
    data = form_data(client.get(url))
    data.update(changes)
    return client.post(url, data)


@pytest.mark.parametrize(
    "changes",
    [
        {"is_published": ""},
        {"unpublish_at_0": "2030-01-01", "unpublish_at_1": "12:00"},
        {"publish_from_0": "2030-01-01", "publish_from_1": "12:00"},
    ],
)
@pytest.mark.parametrize("key", [Page.Key.OVERVIEW, Page.Key.ACCESSIBILITY])
def test_a_page_of_the_site_cannot_be_taken_off_it(seeded, publisher_client, visitor, key, changes):
    page = Page.objects.get(key=key)

    response = page_form(publisher_client, page, **changes)

    assert response.status_code == 200
    assert "the menu or the footer links to it, so it stays published" in response.content.decode()
    page.refresh_from_db()
    assert page.is_published and page.publish_from is None and page.unpublish_at is None
    assert visitor.get(page.get_absolute_url()).status_code == 200


def test_the_unpublish_action_leaves_the_pages_of_the_site_published_and_says_why(seeded, publisher_client):
    pages = Page.objects.filter(key__in=[Page.Key.OVERVIEW, Page.Key.PROGRAMMES])
    publisher_client.cookies["django_language"] = "da"

    response = publisher_client.post(
        "/admin/ufm_intl/page/",
        {"action": "unpublish_selected", "_selected_action": [page.pk for page in pages]},
        follow=True,
    )

    html = response.content.decode()
    assert "Ikke afpubliceret:" in html and "menuen eller sidefoden linker til den" in html
    assert all(page.is_published for page in Page.objects.all())


def test_a_page_taken_off_the_site_before_is_published_again_by_the_migration(seeded, editor_client, visitor):
    Page.objects.filter(key=Page.Key.DATA).update(is_published=False)
    Page.objects.filter(key=Page.Key.PROGRAMMES).update(unpublish_at=timezone.now() + timedelta(days=1))
    name = "0015_the_sites_pages_stay_published"
    migration = importlib.import_module(f"ufm_intl.migrations.{name}")
    # With the models as the migration sees them, as when it runs.
    state = MigrationLoader(connection).project_state(("ufm_intl", name), at_end=False)

    migration.publish_the_sites_pages(state.apps, None)

    for key in (Page.Key.DATA, Page.Key.PROGRAMMES):
        page = Page.objects.get(key=key)
        assert page.is_published and page.unpublish_at is None
        assert page.history.first().history_change_reason == "Published again: a page of the site"
        assert visitor.get(page.get_absolute_url()).status_code == 200
        # An editor, for whom the publishing fields are read-only, saves its form as before.
        assert page_form(editor_client, page).status_code == 302


def test_an_editor_saving_a_page_that_is_off_the_site_gets_the_reason_not_an_error(seeded, editor_client):
    page = Page.objects.get(key=Page.Key.DATA)
    Page.objects.filter(pk=page.pk).update(is_published=False)

    response = page_form(editor_client, page)

    assert response.status_code == 200
    assert "the menu or the footer links to it, so it stays published" in response.content.decode()
