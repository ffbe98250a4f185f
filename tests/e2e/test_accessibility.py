"""axe-core (WCAG 2.1 A and AA) on every public page type, both languages, both widths; and the admin."""

import pytest

from agreements.models import BilateralAgreement
from centres.models import InnovationCentre
from tests.e2e.conftest import DESKTOP, PHONE, assert_accessible, screenshot

PAGE_TYPES = {
    "overview": {"en": "/en/", "da": "/da/"},
    "centres": {"en": "/en/centres/", "da": "/da/centre/"},
    "centre": {"en": "/en/centres/munich/", "da": "/da/centre/munchen/"},
    "agreements": {"en": "/en/agreements/", "da": "/da/aftaler/"},
    "search": {"en": "/en/agreements/?q=Chile", "da": "/da/aftaler/?q=Sydkorea&funder=innovation-fund-denmark"},
    "search-error": {"en": "/en/agreements/?page=abc", "da": "/da/aftaler/?page=abc"},
    "agreement": {"en": "/en/agreements/south-korea/", "da": "/da/aftaler/sydkorea/"},
    "countries": {"en": "/en/countries/", "da": "/da/lande/"},
    "country": {"en": "/en/countries/us/", "da": "/da/lande/de/"},
    "contacts": {"en": "/en/contacts/", "da": "/da/kontakter/"},
    "programmes": {"en": "/en/programmes/", "da": "/da/programmer/"},
    "accessibility": {"en": "/en/accessibility/", "da": "/da/tilgaengelighed/"},
    "site-search": {"en": "/en/search/?q=network+programme", "da": "/da/soeg/?q=aftaler"},
    "site-search-none": {"en": "/en/search/?q=xylophone", "da": "/da/soeg/?q=xylofon"},
    "site-search-error": {"en": "/en/search/?q=%07", "da": "/da/soeg/?q=%07"},
    "data": {"en": "/en/data/", "da": "/da/data/"},
    "not-found": {"en": "/en/no-such-page/", "da": "/da/ingen-side/"},
}


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("language", ["en", "da"])
def test_public_pages_have_no_wcag_violations(site, browser, axe, language, viewport):
    context = browser.new_context(viewport=viewport, locale=language)
    page = context.new_page()
    for name, urls in PAGE_TYPES.items():
        page.goto(site + urls[language])
        screenshot(page, f"{language}-{name}-{viewport['width']}")
        assert_accessible(axe, page, f"{urls[language]} at {viewport['width']}px")
    context.close()


def test_admin_pages_editors_use_have_no_wcag_violations(logged_in_editor, site, axe):
    page = logged_in_editor
    agreement = BilateralAgreement.objects.get(slug="germany")
    centre = InnovationCentre.objects.get(slug="munich")
    for path in [
        "/admin/",
        "/admin/agreements/bilateralagreement/",
        "/admin/agreements/bilateralagreement/?q=Tyskland",
        f"/admin/agreements/bilateralagreement/{agreement.pk}/change/",
        f"/admin/centres/innovationcentre/{centre.pk}/change/",
        f"/admin/centres/innovationcentre/{centre.pk}/history/",
    ]:
        page.goto(site + path)
        page.wait_for_load_state("networkidle")
        screenshot(page, "admin-" + path.strip("/").replace("/", "-").replace("?q=", "-search-"))
        assert_accessible(axe, page, path)
