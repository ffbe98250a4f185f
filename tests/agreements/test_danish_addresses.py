"""Danish pages have Danish addresses; the English word answers with a redirect to them."""

import re

from agreements.models import BilateralAgreement
from centres.models import InnovationCentre
from tests.admin_helpers import form_data


def test_the_danish_page_has_a_danish_address(seeded, visitor):
    response = visitor.get("/da/aftaler/tyskland/")
    assert response.status_code == 200
    assert "Bilateral aftale med Tyskland" in response.content.decode()


def test_the_english_word_in_a_danish_address_redirects(seeded, visitor):
    response = visitor.get("/da/aftaler/germany/")
    assert response.status_code == 301 and response["Location"] == "/da/aftaler/tyskland/"
    response = visitor.get("/da/centre/munich/")
    assert response.status_code == 301 and response["Location"] == "/da/centre/munchen/"


def test_the_language_switch_and_hreflang_link_the_two_addresses(seeded, visitor):
    html = visitor.get("/en/agreements/germany/").content.decode()
    assert '<link rel="alternate" hreflang="da" href="http://testserver/da/aftaler/tyskland/">' in html
    html = visitor.get("/da/aftaler/tyskland/").content.decode()
    assert '<link rel="alternate" hreflang="en" href="http://testserver/en/agreements/germany/">' in html
    assert 'href="/en/agreements/germany/" hreflang="en"' in html


def test_the_danish_list_is_in_danish_order(seeded, visitor):
    html = visitor.get("/da/aftaler/").content.decode()
    titles = re.findall(r'<h3><a href="[^"]+">Bilateral aftale med ([^<]+)</a></h3>', html)
    assert titles[:4] == ["Brasilien", "Indien", "Israel", "Japan"]
    assert titles == sorted(titles)


def test_the_danish_links_use_danish_addresses(seeded, visitor):
    html = visitor.get("/da/aftaler/").content.decode()
    assert 'href="/da/aftaler/sydkorea/"' in html and "/da/aftaler/south-korea/" not in html


def test_the_sitemap_lists_the_danish_addresses(seeded, visitor):
    xml = visitor.get("/sitemap.xml").content.decode()
    assert "http://testserver/da/aftaler/sydafrika/" in xml and "http://testserver/da/aftaler/south-africa/" not in xml


def test_the_admin_fills_the_danish_slug_from_the_danish_title(seeded, editor_client):
    html = editor_client.get("/admin/agreements/bilateralagreement/add/").content.decode()
    html = html.replace("&quot;", '"')
    assert '{"id": "#id_slug_da", "name": "slug_da", "dependency_ids": ["#id_title_da"]' in html


def test_each_language_slug_is_unique(seeded, editor_client):
    agreement = BilateralAgreement.objects.get(slug_en="japan")
    url = f"/admin/agreements/bilateralagreement/{agreement.pk}/change/"
    data = form_data(editor_client.get(url)) | {"slug_da": "tyskland"}
    response = editor_client.post(url, data)
    assert response.status_code == 200
    assert BilateralAgreement.objects.get(pk=agreement.pk).slug_da == "japan"


def test_changing_the_danish_slug_keeps_the_old_danish_address(seeded, visitor):
    agreement = BilateralAgreement.objects.get(slug_en="usa")
    agreement.slug_da = "de-forenede-stater"
    agreement.save()
    response = visitor.get("/da/aftaler/usa/")
    assert response.status_code == 301 and response["Location"] == "/da/aftaler/de-forenede-stater/"


def test_renaming_the_english_slug_keeps_the_english_word_danish_address(seeded, visitor):
    agreement = BilateralAgreement.objects.get(slug_en="turkey")
    agreement.slug_en = "turkiye"
    agreement.save()

    for old, new in [
        ("/en/agreements/turkey/", "/en/agreements/turkiye/"),
        ("/da/aftaler/turkey/", "/da/aftaler/tyrkiet/"),  # the Danish address with the English word
        ("/da/aftaler/turkiye/", "/da/aftaler/tyrkiet/"),  # the new English word, as before
    ]:
        response = visitor.get(old)
        assert response.status_code == 301 and response["Location"] == new, old


def test_renaming_both_slugs_keeps_every_old_address_of_a_centre(seeded, visitor):
    centre = InnovationCentre.objects.get(slug_en="munich")
    centre.slug_en, centre.slug_da = "muenchen", "muenchen-by"
    centre.save()

    for old in ["/en/centres/munich/", "/en/centres/munchen/", "/da/centre/munich/", "/da/centre/munchen/"]:
        response = visitor.get(old)
        new = "/en/centres/muenchen/" if old.startswith("/en/") else "/da/centre/muenchen-by/"
        assert response.status_code == 301 and response["Location"] == new, old
    assert visitor.get("/da/centre/muenchen-by/").status_code == 200
