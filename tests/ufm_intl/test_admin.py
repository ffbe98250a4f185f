"""The admin for the site's own pages and the ministry's initiatives."""

from tests.admin_helpers import assert_saving_unchanged_changes_nothing
from ufm_intl.models import Page


def test_saving_a_form_unchanged_works_and_changes_nothing(seeded, editor_client):
    url = f"/admin/ufm_intl/page/{Page.objects.get(key='overview').pk}/change/"
    assert_saving_unchanged_changes_nothing(editor_client, url)


def test_pages_have_a_fixed_place_and_cannot_be_deleted(seeded, admin_client):
    page = Page.objects.get(key="overview")

    response = admin_client.post(f"/admin/ufm_intl/page/{page.pk}/delete/", {"post": "yes"})

    assert response.status_code == 403
    assert Page.objects.filter(pk=page.pk).exists()
