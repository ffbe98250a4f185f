"""The countries index: every country with a published agreement or Innovation Centre, in the menu."""

import re

from agreements.models import BilateralAgreement
from tests.factories import make_centre


def country_links(html):
    return re.findall(r'<h2><a href="(/(?:en/countries|da/lande)/[a-z]{2}/)">([^<]+)</a></h2>', html)


def test_countries_page_lists_every_country_with_an_agreement_or_centre(seeded, client, django_assert_max_num_queries):
    make_centre(country="FR", slug="paris")

    with django_assert_max_num_queries(5):
        response = client.get("/en/countries/")
    assert response.status_code == 200
    links = country_links(response.content.decode())

    assert len(links) == 11
    assert ("/en/countries/fr/", "France") in links
    assert ("/en/countries/de/", "Germany") in links
    assert [name for _url, name in links] == sorted(name for _url, name in links)


def test_countries_page_says_what_there_is_for_each_country(seeded, client):
    html = client.get("/en/countries/").content.decode()
    usa = html.split('href="/en/countries/us/"')[1].split("</li>\n  <li")[0]
    assert "Bilateral agreement" in usa
    assert "Innovation Centre Denmark Boston" in usa and "Innovation Centre Denmark Silicon Valley" in usa


def test_draft_agreements_do_not_put_a_country_on_the_list(seeded, client):
    BilateralAgreement.objects.filter(country="JP").update(is_published=False)

    html = client.get("/en/countries/").content.decode()

    assert "/en/countries/jp/" not in html


def test_countries_are_in_the_main_menu_and_marked_current_on_a_country_page(seeded, client):
    html = client.get("/en/countries/de/").content.decode()
    menu = html.split('aria-label="Main menu"')[1].split("</nav>")[0]
    assert '<a href="/en/countries/" aria-current="true">Countries</a>' in menu
    html = client.get("/da/lande/").content.decode()
    assert 'href="/da/lande/" aria-current="page"' in html
