"""axe-core (WCAG 2.1 A and AA) on every public page type, both languages, both widths; and the admin."""

import pytest

from agreements.models import BilateralAgreement
from centres.models import InnovationCentre
from tests.e2e.conftest import DESKTOP, PHONE, assert_accessible, screenshot
from tests.pages import PAGE_TYPES


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
