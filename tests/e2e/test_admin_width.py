"""The admin's content lists fit a 1280 px laptop screen in both languages: no sideways scrolling."""

import datetime

import pytest
from django.contrib.admin import site as site_admin
from playwright.sync_api import expect

from agreements.models import BilateralAgreement, FundingPartner
from centres.models import InnovationCentre
from contacts.models import ContactPerson
from tests.e2e.conftest import DESKTOP, screenshot
from ufm_intl.models import Initiative, Page

# Each content list; every one of its columns (the headers' class names) must be on screen.
CHANGE_LISTS = {
    "agreements": BilateralAgreement,
    "centres": InnovationCentre,
    "contacts": ContactPerson,
    "pages": Page,
    "initiatives": Initiative,
}


MEASURE = """() => {
    const box = document.querySelector('#changelist .results');
    const table = document.querySelector('#result_list');
    const headers = {};
    for (const th of table.querySelectorAll('thead th')) {
        const rect = th.getBoundingClientRect();
        headers[[...th.classList].find(c => c.startsWith('column-')) || th.className] = [rect.left, rect.right];
    }
    return {
        boxScroll: box.scrollWidth, boxClient: box.clientWidth, table: table.getBoundingClientRect().width,
        pageScroll: document.documentElement.scrollWidth, viewport: window.innerWidth, headers,
    };
}"""


@pytest.mark.parametrize("language", ["en", "da"])
def test_every_content_list_fits_a_laptop_screen(logged_in_editor, site, language):
    page = logged_in_editor
    assert page.viewport_size == DESKTOP
    # Fuller cells than the seed's: an end date under the status, every funding partner under the scope.
    germany = BilateralAgreement.objects.get(slug="germany")
    BilateralAgreement.objects.filter(pk=germany.pk).update(valid_until=datetime.date(2031, 6, 30))
    germany.funding_partners.set(FundingPartner.objects.all())
    if language == "da":
        # The editor's own choice in the admin header (it sets the language cookie).
        page.select_option("#admin-language", "da")
        page.locator(".admin-language button").click()
        expect(page.locator("html")).to_have_attribute("lang", "da")
    problems = []
    for name, model in CHANGE_LISTS.items():
        page.goto(f"{site}/admin/{model._meta.app_label}/{model._meta.model_name}/")
        expect(page.locator("#result_list tbody tr").first).to_be_visible()
        sizes = page.evaluate(MEASURE)
        screenshot(page, f"admin-width-{language}-{name}")
        if sizes["boxScroll"] > sizes["boxClient"]:
            problems.append(f"{name}: the results scroll sideways ({sizes['boxScroll']} > {sizes['boxClient']} px)")
        if sizes["pageScroll"] > sizes["viewport"]:
            problems.append(f"{name}: the page scrolls sideways ({sizes['pageScroll']} > {sizes['viewport']} px)")
        for column in site_admin._registry[model].list_display:
            edges = sizes["headers"].get(f"column-{column}")
            if edges is None:
                problems.append(f"{name}: no {column} column")
            elif edges[0] < 0 or edges[1] > sizes["viewport"]:
                problems.append(f"{name}: the {column} header is off-screen at {edges}")
    assert not problems, f"{language}: " + "; ".join(problems)
