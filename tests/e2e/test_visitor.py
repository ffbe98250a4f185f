import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import DESKTOP, PHONE
from tests.pages import PAGE_TYPES


def open_menu(page, viewport, name="Menu"):
    """On phones the main menu is folded behind its "Menu" disclosure."""
    if viewport["width"] < 768:
        page.locator("summary", has_text=name).click()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_visitor_finds_the_korea_agreement_and_a_contact(site, browser, viewport):
    context = browser.new_context(viewport=viewport, locale="en-GB")
    page = context.new_page()

    page.goto(f"{site}/")
    expect(page).to_have_url(f"{site}/en/")
    open_menu(page, viewport)
    page.get_by_role("navigation", name="Main menu").get_by_role("link", name="Innovation Centres").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Innovation Centres")

    page.get_by_role("link", name="Innovation Centre Denmark Munich").click()
    expect(page).to_have_url(f"{site}/en/centres/munich/")

    page.get_by_role("link", name="Dansk").click()
    expect(page).to_have_url(f"{site}/da/centre/munchen/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Innovation Centre Denmark München")

    open_menu(page, viewport)
    page.get_by_role("navigation", name="Hovedmenu").get_by_role("link", name="Aftaler").click()
    page.get_by_label("Søg efter land").fill("Sydkorea")
    page.get_by_label("Søg efter land").press("Enter")
    expect(page.get_by_role("heading", name="1 aftale")).to_be_visible()

    page.get_by_role("link", name="Bilateral aftale med Sydkorea").click()
    expect(page).to_have_url(f"{site}/da/aftaler/sydkorea/")
    funders = page.locator("section", has=page.get_by_role("heading", name="Finansieringspartnere"))
    expect(funders).to_contain_text("Innovationsfonden")

    page.get_by_role("link", name="English").click()
    expect(page.locator("section", has=page.get_by_role("heading", name="Funding partners"))).to_contain_text(
        "Innovation Fund Denmark"
    )

    open_menu(page, viewport)
    page.get_by_role("navigation", name="Main menu").get_by_role("link", name="Contacts").click()
    phone = page.get_by_role("link", name="+45 72 31 82 13")
    expect(phone).to_have_attribute("href", "tel:+4572318213")
    expect(page.get_by_role("link", name="kra@ufm.dk")).to_have_attribute("href", "mailto:kra@ufm.dk")
    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile("Add Karin Ilsøth Rasmussen to your contacts")).click()
    assert download.value.suggested_filename == "karin-ilsoth-rasmussen.vcf"
    context.close()


@pytest.mark.parametrize("width", [320, 375])
@pytest.mark.parametrize("language", ["en", "da"])
def test_no_page_is_wider_than_a_phone(site, browser, language, width):
    context = browser.new_context(viewport={"width": width, "height": 640}, locale=language)
    page = context.new_page()
    too_wide = {}
    for urls in PAGE_TYPES.values():
        page.goto(site + urls[language])
        for menu in ["closed", "open"]:
            if menu == "open":
                page.locator("details.menu-narrow > summary").click()
            scroll_width, inner_width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
            if scroll_width > inner_width:
                too_wide[f"{urls[language]} (menu {menu})"] = scroll_width
    context.close()
    assert not too_wide, f"wider than {width}px: {too_wide}"


def test_the_phone_menu_is_compact_and_works_without_javascript(site, browser):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False, locale="da")
    page = context.new_page()
    page.goto(f"{site}/da/")

    # Folded, the menu is one row high (it took three before the content on a phone).
    assert page.evaluate("document.querySelector('.main-nav').getBoundingClientRect().height") < 60
    menu = page.get_by_role("navigation", name="Hovedmenu")
    expect(menu.get_by_role("link", name="Lande")).to_be_hidden()
    page.locator("summary", has_text="Menu").click()
    menu.get_by_role("link", name="Lande").click()
    expect(page).to_have_url(f"{site}/da/lande/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Lande")
    context.close()


def test_map_markers_lead_to_their_centres(site, browser):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(f"{site}/en/centres/")
    page.locator("figure.world-map a", has_text="Seoul").click()
    expect(page).to_have_url(f"{site}/en/centres/seoul/")
    context.close()


def test_map_gives_way_to_the_list_on_phones(site, browser):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(f"{site}/en/centres/")
    expect(page.locator("figure.world-map")).to_be_hidden()
    expect(page.get_by_role("link", name="Innovation Centre Denmark Seoul")).to_be_visible()
    context.close()


def test_the_initiatives_fill_their_rows(site, browser):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(f"{site}/en/")
    boxes = page.evaluate(
        "[...document.querySelectorAll('.initiatives > li')].map(li => { const r = li.getBoundingClientRect();"
        " return [Math.round(r.top), Math.round(r.right)]; })"
    )
    list_right = page.evaluate("Math.round(document.querySelector('.initiatives').getBoundingClientRect().right)")
    rows = {}
    for top, right in boxes:
        rows[top] = max(rows.get(top, 0), right)
    # Every row, the last included, reaches the right edge: no empty slot.
    assert all(abs(right - list_right) <= 1 for right in rows.values()), (rows, list_right)
    context.close()


def test_search_and_filters_work_without_javascript(site, browser):
    context = browser.new_context(java_script_enabled=False, viewport=DESKTOP)
    page = context.new_page()
    page.goto(f"{site}/en/agreements/")

    page.get_by_label("Search by country").fill("Brasil")
    page.get_by_role("search", name="Search agreements").get_by_role("button", name="Search").click()
    expect(page.get_by_role("heading", name="1 agreement")).to_be_visible()
    expect(page.get_by_role("link", name="Bilateral agreement with Brazil")).to_be_visible()

    page.get_by_label("Search by country").fill("")
    page.get_by_label("Funding partner").select_option(label="Innovation Fund Denmark")
    page.get_by_label("Region").select_option(label="Asia")
    page.get_by_role("search", name="Search agreements").get_by_role("button", name="Search").click()
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
    page.keyboard.type("Eu")  # "Europe"
    tab_to("button[type=submit]")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"q=Germany.*region=europe"))
    expect(page.get_by_role("heading", name="1 agreement")).to_be_visible()

    page.goto(f"{site}/en/centres/munich/")
    tab_to("a[hreflang=da]")
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{site}/da/centre/munchen/")
    context.close()
