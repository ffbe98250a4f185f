"""An address written differently from the site's leads to the page it names (publishing/addresses.py)."""

import pytest

from agreements.models import BilateralAgreement
from publishing.models import Redirect


def final(visitor, path):
    """The address where following the redirects from ``path`` ends, and its answer."""
    response = visitor.get(path, follow=True)
    return response.redirect_chain[-1][0] if response.redirect_chain else path, response


@pytest.mark.parametrize(
    ("path", "location"),
    [
        ("/EN/Agreements/Germany/", "/en/agreements/germany/"),
        ("/en/centres/Munich/", "/en/centres/munich/"),
        ("/da/Lande/", "/da/lande/"),
        ("/API/v1/agreements/", "/api/v1/agreements/"),
    ],
)
def test_an_address_in_capitals_leads_to_the_page(seeded, visitor, path, location):
    response = visitor.get(path)
    assert response.status_code == 301 and response["Location"] == location
    assert visitor.get(location).status_code == 200


@pytest.mark.parametrize(
    ("path", "location", "heading"),
    [
        ("/da/agreements/", "/da/aftaler/", "Bilaterale aftaler"),
        ("/da/agreements", "/da/aftaler/", "Bilaterale aftaler"),
        ("/en/aftaler/", "/en/agreements/", "Bilateral agreements"),
        ("/da/contacts/", "/da/kontakter/", "Kontaktpersoner"),
    ],
)
def test_the_other_languages_words_lead_to_the_page_in_the_prefixs_language(seeded, visitor, path, location, heading):
    response = visitor.get(path)
    assert response.status_code == 301 and response["Location"] == location
    assert f"<h1>{heading}</h1>" in visitor.get(location).content.decode()


def test_an_item_in_the_other_languages_words_ends_on_its_page_in_the_prefixs_language(seeded, visitor):
    address, response = final(visitor, "/da/agreements/Germany/")
    assert address == "/da/aftaler/tyskland/"
    assert response.status_code == 200 and "Bilateral aftale med Tyskland" in response.content.decode()


@pytest.mark.parametrize(
    ("path", "accept_language", "location", "heading"),
    [
        ("/accessibility/", "da-DK,da;q=0.9", "/da/tilgaengelighed/", "Tilgængelighedserklæring"),
        ("/accessibility/", "en-GB", "/en/accessibility/", "Accessibility statement"),
        ("/agreements/germany/", "da", "/da/aftaler/tyskland/", "Bilateral aftale med Tyskland"),
        ("/centres/munich/", "fr", "/en/centres/munich/", "Innovation Centre Denmark Munich"),
    ],
)
def test_an_address_without_its_language_leads_to_the_page_in_the_visitors_language(
    seeded, visitor, path, accept_language, location, heading
):
    # As the sitemap's "x-default" addresses are written: English words, no language.
    response = visitor.get(path, HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 302  # another visitor's language may differ
    chain = visitor.get(path, HTTP_ACCEPT_LANGUAGE=accept_language, follow=True)
    assert chain.redirect_chain[-1][0] == location
    assert chain.status_code == 200 and heading in chain.content.decode()


def test_the_visitors_search_goes_along(seeded, visitor):
    response = visitor.get("/da/agreements/", {"q": "Tyskland"})
    assert response.status_code == 301 and response["Location"] == "/da/aftaler/?q=Tyskland"


@pytest.mark.parametrize(
    ("path", "heading"),
    [
        ("/en/agreements/nonexistent/", "Page not found"),
        ("/xx/agreements/", "Page not found"),
        ("/en/nothing/", "Page not found"),
        ("/da/aftaler/Nothing", "Siden blev ikke fundet"),
    ],
)
def test_an_address_that_names_no_page_is_still_not_found(seeded, visitor, path, heading):
    _address, response = final(visitor, path)
    assert response.status_code == 404
    assert f"<h1>{heading}</h1>" in response.content.decode()


def test_an_editors_redirect_wins_over_the_spelling(seeded, visitor):
    Redirect.objects.create(old_path="/EN/AGREEMENTS/", new_path="/en/programmes/")
    response = visitor.get("/EN/AGREEMENTS/")
    assert response.status_code == 301 and response["Location"] == "/en/programmes/"


def test_an_address_with_letters_outside_ascii_that_names_no_page_is_not_redirected_to_itself(seeded, visitor):
    response = visitor.get("/da/lande/%C3%A6/feed/")
    assert response.status_code == 404
    response = visitor.get("/da/lande/%C3%86/feed/")
    assert response.status_code == 301 and response["Location"] == "/da/lande/%C3%A6/feed/"


def test_an_address_without_its_closing_slash_keeps_the_capitals_an_editor_gave_its_slug(seeded, visitor):
    agreement = BilateralAgreement.objects.get(slug_en="germany")
    agreement.slug_en = "EU-Germany"
    agreement.save()
    response = visitor.get("/en/agreements/EU-Germany")
    assert response.status_code == 301 and response["Location"] == "/en/agreements/EU-Germany/"
    assert visitor.get("/en/agreements/EU-Germany/").status_code == 200


def test_what_the_address_decodes_to_stays_in_the_path(seeded, visitor):
    # An escaped "?" or "#" must not become the new address's query or fragment.
    response = visitor.get("/ADMIN/LOGIN/%3Fnext=/admin/auth/user/add/")
    assert response.status_code == 301 and response["Location"] == "/admin/login/%3Fnext%3D/admin/auth/user/add/"
    assert visitor.get("/EN/COUNTRIES/%FF").status_code == 404


def test_the_api_answers_json_whatever_the_capitals(seeded, visitor):
    for path in ("/API", "/Api/v1/nothing/"):
        response = visitor.get(path)
        assert response.status_code == 404 and response.json() == {"error": "There is no such address in the API."}
