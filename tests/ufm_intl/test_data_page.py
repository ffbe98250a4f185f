"""The data page: the files, their columns in both languages, and the terms editors write."""

import pytest
from django.urls import reverse
from django.utils import translation

from agreements.downloads import AGREEMENTS
from centres.downloads import CENTRES
from contacts.downloads import CONTACTS
from ufm_intl.models import Page


@pytest.mark.parametrize("language", ["en", "da"])
def test_the_data_page_lists_every_file_and_column(seeded, client, language):
    with translation.override(language):
        response = client.get(reverse("data"))
        links = [reverse(name) for d in (AGREEMENTS, CENTRES, CONTACTS) for name in (d.csv_url_name, d.json_url_name)]

    assert response.status_code == 200
    html = response.content.decode()
    assert f"<h1>{Page.objects.get(key='data').title_en if language == 'en' else 'Åbne data'}</h1>" in html
    for link in links:
        assert f'<a href="{link}" type="' in html
    for dataset in (AGREEMENTS, CENTRES, CONTACTS):
        for column in dataset.columns:
            assert f"<code>{column.name}</code>" in html


def test_the_seed_states_no_terms_of_reuse(seeded):
    page = Page.objects.get(key="data")
    for text in (page.body_en, page.body_da, page.summary_en, page.summary_da):
        assert "licen" not in text.lower() and "CC BY" not in text


def test_the_terms_editors_write_are_shown(seeded, client):
    page = Page.objects.get(key="data")
    page.body_en = "<p>The data may be reused under the Creative Commons Attribution 4.0 licence.</p>"
    page.save()

    assert "Creative Commons Attribution 4.0" in client.get("/en/data/").content.decode()


def test_the_data_page_is_linked_from_every_page(seeded, client):
    assert 'href="/en/data/"' in client.get("/en/").content.decode()


def test_a_draft_data_page_is_not_found(seeded, client):
    Page.objects.filter(key="data").update(is_published=False)

    assert client.get("/en/data/").status_code == 404
