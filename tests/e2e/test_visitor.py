import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import DESKTOP, PHONE


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_visitor_finds_the_korea_agreement_and_a_contact(site, browser, viewport):
    context = browser.new_context(viewport=viewport, locale="en-GB")
    page = context.new_page()

    page.goto(f"{site}/")
    expect(page).to_have_url(f"{site}/en/")
    page.get_by_role("navigation", name="Main menu").get_by_role("link", name="Innovation Centres").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Innovation Centres")

    page.get_by_role("link", name="Innovation Centre Denmark Munich").click()
    expect(page).to_have_url(f"{site}/en/centres/munich/")

    page.get_by_role("link", name="Dansk").click()
    expect(page).to_have_url(f"{site}/da/centre/munich/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Innovationscenter Danmark München")

    page.get_by_role("navigation", name="Hovedmenu").get_by_role("link", name="Aftaler").click()
    page.get_by_label("Søg efter land").fill("Sydkorea")
    page.get_by_label("Søg efter land").press("Enter")
    expect(page.get_by_role("heading", name="1 aftale")).to_be_visible()

    page.get_by_role("link", name="Bilateral aftale med Sydkorea").click()
    expect(page).to_have_url(f"{site}/da/aftaler/south-korea/")
    funders = page.locator("section", has=page.get_by_role("heading", name="Finansieringspartnere"))
    expect(funders).to_contain_text("Innovationsfonden")

    page.get_by_role("link", name="English").click()
    expect(page.locator("section", has=page.get_by_role("heading", name="Funding partners"))).to_contain_text(
        "Innovation Fund Denmark"
    )

    page.get_by_role("navigation", name="Main menu").get_by_role("link", name="Contacts").click()
    phone = page.get_by_role("link", name="+45 72 31 82 13")
    expect(phone).to_have_attribute("href", "tel:+4572318213")
    expect(page.get_by_role("link", name="kra@ufm.dk")).to_have_attribute("href", "mailto:kra@ufm.dk")
    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile("Add Karin Ilsøth Rasmussen to your contacts")).click()
    assert download.value.suggested_filename == "karin-ilsoth-rasmussen.vcf"
    context.close()


def test_pages_fit_a_320_pixel_screen(site, browser):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    for path in ["/en/", "/en/centres/", "/da/aftaler/?q=Tyskland", "/en/contacts/", "/en/agreements/south-korea/"]:
        page.goto(site + path)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px"
    context.close()


def test_search_and_filters_work_without_javascript(site, browser):
    context = browser.new_context(java_script_enabled=False, viewport=DESKTOP)
    page = context.new_page()
    page.goto(f"{site}/en/agreements/")

    page.get_by_label("Search by country").fill("Brasil")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_role("heading", name="1 agreement")).to_be_visible()
    expect(page.get_by_role("link", name="Bilateral agreement with Brazil")).to_be_visible()

    page.get_by_label("Search by country").fill("")
    page.get_by_label("Funding partner").select_option(label="Innovation Fund Denmark")
    page.get_by_label("Region").select_option(label="Asia")
    page.get_by_role("button", name="Search").click()
    expect(page).to_have_url(re.compile(r"funder=innovation-fund-denmark.*region=asia"))
    expect(page.get_by_role("heading", name="3 agreements")).to_be_visible()

    page.goto(f"{site}/en/agreements/?q=Chile")
    expect(page.get_by_text("No agreement matches “Chile”.")).to_be_visible()
    context.close()


def test_keyboard_only(site, browser):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(f"{site}/en/agreements/")

    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Skip to content"
    assert page.evaluate("document.activeElement.getBoundingClientRect().top") >= 0
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"

    def tab_to(selector, limit=40):
        for _ in range(limit):
            page.keyboard.press("Tab")
            if page.evaluate("(s) => document.activeElement.matches(s)", selector):
                assert_focus_visible()
                return
        raise AssertionError(f"Tab never reached {selector}")

    def assert_focus_visible():
        style = page.evaluate(
            "(() => { const s = getComputedStyle(document.activeElement);"
            " return [s.outlineStyle, s.outlineWidth, s.boxShadow]; })()"
        )
        assert style[0] != "none" and style[1] != "0px" or style[2] != "none", style

    tab_to("#id_q")
    page.keyboard.type("Germany")
    tab_to("#id_region")
    page.keyboard.press("ArrowDown")  # "Europe"
    tab_to("button[type=submit]")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"q=Germany.*region=europe"))
    expect(page.get_by_role("heading", name="1 agreement")).to_be_visible()

    page.goto(f"{site}/en/centres/munich/")
    tab_to("a[hreflang=da]")
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{site}/da/centre/munich/")
    context.close()
