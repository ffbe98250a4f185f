"""The Innovation Centre admin."""

import re

from agreements.models import CountryAlias
from centres.models import InnovationCentre
from tests.admin_helpers import assert_saving_unchanged_changes_nothing, changelist_columns


def test_change_form_has_both_languages_side_by_side(seeded, editor_client):
    centre = InnovationCentre.objects.get(slug="munich")
    response = editor_client.get(f"/admin/centres/innovationcentre/{centre.pk}/change/")
    assert response.status_code == 200
    html = response.content.decode()
    for field in ["name_en", "name_da", "summary_en", "summary_da", "body_en", "body_da", "city_da"]:
        assert f'name="{field}"' in html
    assert "django_prose_editor" in html
    view_on_site = re.search(r'<a href="([^"]+)" class="viewsitelink">', html).group(1)
    assert editor_client.get(view_on_site).url.endswith("/en/centres/munich/")


def test_saving_a_form_unchanged_works_and_changes_nothing(seeded, editor_client):
    url = f"/admin/centres/innovationcentre/{InnovationCentre.objects.get(slug='munich').pk}/change/"
    assert_saving_unchanged_changes_nothing(editor_client, url)


def test_the_admin_search_finds_centres_by_country_name_and_by_the_editors_aliases(seeded, editor_client):
    def found(query):
        html = editor_client.get("/admin/centres/innovationcentre/", {"q": query}).content.decode()
        return sorted(set(re.findall(r'<th class="field-name"><a href="[^"]+">([^<]+)</a>', html)))

    assert found("Tyskland") == ["Innovation Centre Denmark Munich"]
    assert found("Bavaria") == []
    CountryAlias.objects.create(country="DE", alias="Bavaria")
    assert found("Bavaria") == ["Innovation Centre Denmark Munich"]


def test_changelist_shows_the_city_under_the_country_and_sorts_by_attache(seeded, editor_client):
    html = editor_client.get("/admin/centres/innovationcentre/").content.decode()
    assert changelist_columns(html) == [
        "name",
        "country_name",
        "attache_name",
        "published",
        "translation_status",
        "last_modified",
        "last_reviewed_on",
    ]
    assert '<td class="field-country_name">Germany<span class="cell-note">Munich</span></td>' in html
    assert re.search(r'class="sortable[^"]*column-attache_name', html)
    assert editor_client.get("/admin/centres/innovationcentre/", {"o": "3"}).status_code == 200
