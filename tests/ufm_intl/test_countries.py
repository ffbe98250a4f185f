"""The countries index: every country with a published agreement or Innovation Centre, in the menu; a
country page at its code or its name."""

import re

import pytest

from agreements.models import BilateralAgreement, CountryAlias
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


@pytest.mark.parametrize(
    ("path", "location", "heading"),
    [
        ("/en/countries/germany/", "/en/countries/de/", "Germany"),
        ("/en/countries/south-korea/", "/en/countries/kr/", "South Korea"),
        ("/da/lande/sydkorea/", "/da/lande/kr/", "Sydkorea"),
        ("/da/lande/tyskland/", "/da/lande/de/", "Tyskland"),
        ("/en/countries/usa/", "/en/countries/us/", "United States of America"),
    ],
)
def test_a_country_page_answers_to_the_countrys_name(seeded, visitor, path, location, heading):
    response = visitor.get(path)
    assert response.status_code == 302 and response["Location"] == location
    assert f"<h1>{heading}</h1>" in visitor.get(location).content.decode()


def test_a_country_name_may_write_out_danish_letters_as_the_sites_danish_addresses_do(seeded, visitor):
    for path, location in [("/da/lande/oestrig/", "/da/lande/at/"), ("/da/lande/groenland/", "/da/lande/gl/")]:
        response = visitor.get(path)
        assert response.status_code == 302 and response["Location"] == location


def test_a_near_miss_of_a_countrys_name_leads_to_no_country(seeded, visitor):
    # The search page forgives typing errors; an address must not lead to another country's page.
    assert visitor.get("/en/countries/germny/").status_code == 404
    assert visitor.get("/en/countries/germany" + "-" * 200 + "xyz/").status_code == 404


def test_a_country_page_answers_to_a_name_the_editors_added(seeded, visitor):
    CountryAlias.objects.create(country="JP", alias="Nihon-koku")
    response = visitor.get("/en/countries/nihon-koku/")
    assert response.status_code == 302 and response["Location"] == "/en/countries/jp/"
