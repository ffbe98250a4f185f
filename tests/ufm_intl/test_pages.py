"""What every public page shares, and the site's own pages: overview, countries, programmes, sitemap, errors."""

import logging
import re
from datetime import UTC, date, datetime
from unittest import mock

import pytest
from django.contrib.sitemaps.views import sitemap as django_sitemap
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format

from agreements.models import BilateralAgreement
from centres.models import InnovationCentre
from contacts.models import ContactPerson
from tests.factories import make_centre
from ufm_intl.models import Initiative, Page
from ufm_intl.sitemaps import sitemaps

LANGUAGES = ["en", "da"]


def unpublish(obj):
    obj.is_published = False
    obj.save()


def public_urls(language):
    with translation.override(language):
        urls = [
            reverse("overview"),
            reverse("centres:list"),
            reverse("agreements:list"),
            reverse("contacts:list"),
            reverse("programmes"),
            reverse("accessibility"),
            reverse("countries"),
            reverse("data"),
            reverse("search"),
            reverse("search") + "?q=agreement",
        ]
        urls += [c.get_absolute_url() for c in InnovationCentre.objects.published()]
        urls += [a.get_absolute_url() for a in BilateralAgreement.objects.published()]
        urls += [reverse("country", kwargs={"code": code}) for code in ["de", "us", "za"]]
    return urls


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_answers_with_skip_link_title_and_description(seeded, client, language):
    titles = set()
    for url in public_urls(language):
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert f'<html lang="{language}">' in html
        skip = "Gå til indhold" if language == "da" else "Skip to content"
        assert re.search(rf'<body>\s*<a class="skip-link" href="#main">{skip}</a>', html), url
        assert html.count("<h1>") == 1, url
        title = re.search(r"<title>(.+?)</title>", html, re.S).group(1)
        assert title not in titles, f"duplicate title {title} on {url}"
        titles.add(title)
        description = re.search(r'<meta name="description" content="([^"]*)">', html).group(1)
        assert len(description) > 20, url
        assert 'rel="canonical"' in html
        assert 'hreflang="en"' in html and 'hreflang="da"' in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_page_loads_anything_from_another_site(seeded, client, language):
    for url in public_urls(language):
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        for attribute in re.findall(r'(?:src|href)="([^"]+)"', html):
            if attribute.startswith(("http://", "https://", "//")):
                # Only links a visitor follows may leave the site; nothing is loaded from elsewhere.
                assert re.search(rf'<a [^>]*href="{re.escape(attribute)}"|rel="(canonical|alternate)"[^>]*', html), (
                    url,
                    attribute,
                )
        assert not re.search(r'<(script|img|link|iframe)[^>]+(src|href)="(https?:)?//(?!testserver)', html), url


def test_overview_shows_the_source_page(seeded, client):
    html = client.get("/en/").content.decode()
    assert "International research and innovation cooperation" in html
    assert "a country the size of Denmark" in html
    for initiative in Initiative.objects.published():
        assert initiative.title in html.replace("&#x27;", "'")
    for centre in InnovationCentre.objects.published():
        assert centre.get_absolute_url() in html
    assert "Karin Ilsøth Rasmussen" in html and 'href="tel:+4572318213"' in html
    assert re.search(r"Last updated <time datetime=\"\d{4}-\d\d-\d\d", html)


def test_overview_in_danish(seeded, client):
    html = client.get("/da/").content.decode()
    assert "Internationalt forsknings- og innovationssamarbejde" in html
    assert "Uddannelses- og Forskningsministeriet" in html
    # The brand stays in English in Danish text.
    assert "Innovation Centre Denmark (ICDK)" in html and "Innovationscenter Danmark" not in html
    assert 'href="/da/centre/"' in html


def test_root_sends_visitors_to_their_language(db, client):
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="da-DK,da;q=0.9").url == "/da/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB").url == "/en/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="fr").url == "/en/"


def test_language_switch_keeps_the_visitor_on_the_same_item(seeded, client):
    html = client.get("/en/centres/munich/").content.decode()
    assert 'href="/da/centre/munchen/" hreflang="da" lang="da">Dansk</a>' in html
    html = client.get("/da/aftaler/?q=Tyskland").content.decode()
    assert 'href="/en/agreements/?q=Tyskland"' in html


def test_country_page_gathers_agreement_centres_and_funding(seeded, client):
    html = client.get("/en/countries/us/").content.decode()
    assert "Bilateral agreement with the USA" in html
    assert "Innovation Centre Denmark Boston" in html and "Innovation Centre Denmark Silicon Valley" in html
    assert "Innovation Fund Denmark" in html


def test_country_page_for_a_country_without_cooperation_is_404(seeded, client):
    assert client.get("/en/countries/se/").status_code == 404
    assert client.get("/en/countries/xx/").status_code == 404
    assert client.get("/en/countries/DE/").url == "/en/countries/de/"


def test_programmes_page_lists_both_programmes(seeded, client):
    html = client.get("/da/programmer/").content.decode()
    assert "Det Internationale Netværksprogram" in html
    assert "Partnerskabsaftaler om forskningsophold" in html


def test_accessibility_statement_is_linked_from_every_page(seeded, client):
    for url in ["/en/", "/en/agreements/", "/da/"]:
        html = client.get(url).content.decode()
        assert re.search(r'href="/(en/accessibility|da/tilgaengelighed)/"', html)
    assert "Digitaliseringsstyrelsen" in client.get("/da/tilgaengelighed/").content.decode()


@pytest.mark.parametrize(
    ("url", "text"), [("/en/centres/atlantis/", "Page not found"), ("/da/nowhere/", "Siden blev ikke fundet")]
)
def test_unknown_pages_get_the_404_page_in_the_layout_and_language(seeded, client, url, text):
    response = client.get(url)
    assert response.status_code == 404
    html = response.content.decode()
    assert text in html and 'class="skip-link"' in html and "site-footer" in html


@pytest.mark.parametrize("url", ["/en/agreements/?page=abc", "/da/soeg/?q=aftale&page=abc", "/en/agreements/?funder=x"])
def test_a_page_that_cannot_take_its_search_names_no_address_of_its_own(seeded, client, url):
    response = client.get(url)
    assert response.status_code == 400
    head = response.content.decode().split("<body>")[0]
    assert 'rel="canonical"' not in head and "hreflang=" not in head


@pytest.mark.parametrize(
    ("url", "other_language", "front_page"),
    [
        ("/en/nowhere/", "da", "/da/"),
        ("/da/findes-ikke/", "en", "/en/"),
        # Addresses of pages that could exist, answered 404 by their view.
        ("/en/agreements/nonexistent/", "da", "/da/"),
        ("/da/aftaler/findes-ikke/", "en", "/en/"),
        ("/en/countries/%00/", "da", "/da/"),
    ],
)
def test_an_error_page_names_no_address_of_its_own(seeded, client, url, other_language, front_page):
    """No canonical address, hreflang or sharing card for an address that failed; the language switch leads
    to the other language's front page, not back to the same failing address."""
    response = client.get(url)
    assert response.status_code in (400, 404)
    html = response.content.decode()
    assert 'rel="canonical"' not in html and "hreflang=" not in html.split("<body>")[0]
    assert 'property="og:' not in html
    assert "\x00" not in html
    assert re.search(rf'<a href="{front_page}" hreflang="{other_language}"', html)


@pytest.mark.parametrize(
    ("url", "heading", "advice"),
    [
        ("/i18n/setlang/", "The form could not be sent", "Nothing was saved."),
        ("/admin/login/", "The form could not be sent", "log in first"),
    ],
)
def test_a_form_sent_without_its_security_token_is_answered_in_the_layout(seeded, url, heading, advice):
    response = Client(enforce_csrf_checks=True).post(url, {"username": "anna", "password": "secret"})

    assert response.status_code == 403
    html = response.content.decode()
    assert f"<h1>{heading}</h1>" in html and advice in html
    assert 'class="skip-link"' in html and "site-footer" in html
    assert "CSRF" not in html


def test_the_form_token_message_is_in_the_visitors_language(seeded):
    response = Client(enforce_csrf_checks=True).post("/i18n/setlang/", {"language": "en"}, HTTP_ACCEPT_LANGUAGE="da")
    assert response.status_code == 403
    assert "<h1>Formularen kunne ikke sendes</h1>" in response.content.decode()


@pytest.mark.parametrize(
    ("method", "url", "heading"),
    [
        ("post", "/en/agreements/", "Nothing can be sent to this page"),
        ("put", "/da/aftaler/", "Der kan ikke sendes noget til denne side"),
        ("delete", "/en/centres/munich/", "Nothing can be sent to this page"),
        ("post", "/sitemap.xml", "Nothing can be sent to this page"),
        ("post", "/robots.txt", "Nothing can be sent to this page"),
    ],
)
def test_sending_something_to_a_page_answers_405_in_the_layout(seeded, method, url, heading):
    response = getattr(Client(enforce_csrf_checks=True), method)(url)

    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"
    html = response.content.decode()
    assert f"<h1>{heading}</h1>" in html and 'class="skip-link"' in html


@pytest.mark.parametrize("url", ["/en/no-such-page/", "/en/agreements/no-such-agreement/", "/da/lande/zz/"])
def test_sending_something_to_an_address_without_a_page_answers_404(seeded, url):
    response = Client(enforce_csrf_checks=True).post(url)
    assert response.status_code == 404
    assert re.search(r"<h1>(Page not found|Siden blev ikke fundet)</h1>", response.content.decode())


def test_drafts_are_hidden_from_every_public_surface(seeded, client):
    unpublish(InnovationCentre.objects.get(slug="munich"))
    unpublish(BilateralAgreement.objects.get(slug="japan"))
    unpublish(ContactPerson.objects.get(slug="sune-kaur-pedersen"))

    assert client.get("/en/centres/munich/").status_code == 404
    assert client.get("/en/agreements/japan/").status_code == 404
    assert client.get("/en/countries/jp/").status_code == 404
    assert client.get("/en/contacts/sune-kaur-pedersen.vcf").status_code == 404
    for url in ["/en/", "/en/centres/", "/en/agreements/", "/en/countries/de/", "/en/contacts/", "/sitemap.xml"]:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert "/centres/munich/" not in html, url
        assert "/agreements/japan/" not in html and "/countries/jp/" not in html, url
        assert "Sune Kaur-Pedersen" not in html, url
    response = client.get("/en/agreements/?q=japan")
    assert response.status_code == 200
    assert "japan" not in response.content.decode().split("results-heading")[1]
    response = client.get("/api/v1/agreements/?q=japan")
    assert response.status_code == 200
    assert response.json()["count"] == 0
    for url, draft in [("/api/v1/centres/", "munich"), ("/api/v1/contacts/", "Sune")]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert draft not in response.content.decode(), url


def test_editor_can_preview_a_draft_in_the_public_layout(seeded, editor_client):
    unpublish(InnovationCentre.objects.get(slug="munich"))

    response = editor_client.get("/en/centres/munich/")

    assert response.status_code == 200
    assert "this page is not published" in response.content.decode()


def test_sitemap_lists_every_detail_page_with_alternates(seeded, client):
    xml = client.get("/sitemap.xml").content.decode()
    for centre in InnovationCentre.objects.all():
        assert f"http://testserver/en/centres/{centre.slug}/" in xml
        assert f"http://testserver/da/centre/{centre.slug_da}/" in xml
    for agreement in BilateralAgreement.objects.all():
        assert f"http://testserver/en/agreements/{agreement.slug}/" in xml
    assert "http://testserver/da/lande/de/" in xml
    assert 'hreflang="da"' in xml and 'hreflang="x-default"' in xml


def test_the_sitemap_is_the_document_django_would_write(seeded, client, rf):
    # Written directly for speed (ufm_intl/sitemaps.py); byte for byte what Django's sitemap view makes of
    # the same sitemaps, with a draft that neither may list and an agreement with its own Danish address.
    germany = BilateralAgreement.objects.get(slug="germany")
    germany.slug_da = "tyskland-aftale"
    germany.save()
    InnovationCentre.objects.filter(slug="munich").update(is_published=False)

    ours = client.get("/sitemap.xml")
    django = django_sitemap(rf.get("/sitemap.xml"), sitemaps=sitemaps)
    django.render()

    assert ours.content == django.content
    assert ours["Content-Type"] == django["Content-Type"]
    assert ours["X-Robots-Tag"] == django["X-Robots-Tag"]
    assert b"/da/aftaler/tyskland-aftale/" in ours.content
    assert b"/centres/munich/" not in ours.content
    assert client.get("/sitemap.xml?p=2").status_code == 404
    assert client.get("/sitemap.xml?p=1").content == ours.content


def test_robots_txt_names_the_sitemap(db, client):
    text = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in text
    assert "Disallow: /admin/" in text


def last_modified(response):
    assert response.status_code == 200
    return re.search(r'Last updated <time datetime="([^"]+)">([^<]+)</time>', response.content.decode()).groups()


def test_last_modified_follows_the_latest_change_of_what_the_page_shows(seeded, client):
    long_ago = datetime(2021, 1, 10, 12, 0, tzinfo=UTC)
    for model in (Page, Initiative, InnovationCentre, BilateralAgreement, ContactPerson):
        model.objects.update(updated_at=long_ago)
    BilateralAgreement.objects.filter(slug="japan").update(updated_at=datetime(2023, 3, 14, 9, 30, tzinfo=UTC))
    Page.objects.filter(key="programmes").update(updated_at=datetime(2024, 6, 1, 12, 0, tzinfo=UTC))
    make_centre(is_published=False)  # a draft changed just now

    # The date shown, as a valid HTML date (no time: a datetime with microseconds is not valid HTML).
    assert last_modified(client.get("/en/")) == ("2023-03-14", "14 March 2023")
    da = client.get("/da/")
    assert da.status_code == 200
    assert '<time datetime="2023-03-14">14. marts 2023</time>' in da.content.decode()

    contact = ContactPerson.objects.get(slug="karin-ilsoth-rasmussen")
    contact.save()

    changed = timezone.localtime(contact.updated_at)
    assert changed.date() > date(2023, 3, 14)
    with translation.override("en"):
        shown = date_format(changed, "j F Y")
    assert last_modified(client.get("/en/")) == (changed.date().isoformat(), shown)


def test_a_server_error_shows_the_500_page_in_the_layout_and_is_logged(seeded):
    visitor = Client(raise_request_exception=False)
    with (
        mock.patch("ufm_intl.views.OverviewView.get_context_data", side_effect=RuntimeError("boom")),
        mock.patch.object(logging.getLogger("django.request"), "error") as log_error,
    ):
        response = visitor.get("/da/")

    assert response.status_code == 500
    html = response.content.decode()
    assert "Beklager, der er en fejl i tjenesten" in html and 'class="skip-link"' in html
    assert "boom" not in html and "Traceback" not in html
    message, *args = log_error.call_args.args
    assert message % tuple(args) == "Internal Server Error: /da/"
    assert isinstance(log_error.call_args.kwargs["exc_info"], RuntimeError)
