import re

from playwright.sync_api import expect

from agreements.models import BilateralAgreement
from centres.models import InnovationCentre
from tests.e2e.conftest import DESKTOP, assert_accessible


def test_editor_edits_both_languages_with_the_rich_text_editor_then_restores(logged_in_editor, site, browser):
    page = logged_in_editor
    agreement = BilateralAgreement.objects.get(slug="germany")
    original_history = agreement.history.first().history_id

    page.goto(f"{site}/admin/agreements/bilateralagreement/?q=Tyskland")
    page.get_by_role("link", name="Bilateral agreement with Germany").click()

    english = page.locator(".field-description_en [contenteditable=true]")
    english.click()
    page.keyboard.press("Control+End")
    page.keyboard.press("Enter")
    page.keyboard.type("Joint calls are announced here.")
    danish = page.locator(".field-description_da [contenteditable=true]")
    danish.click()
    page.keyboard.press("Control+End")
    page.keyboard.press("Enter")
    page.keyboard.type("Fælles opslag annonceres her.")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")

    visitor = browser.new_context(viewport=DESKTOP).new_page()
    visitor.goto(f"{site}/en/agreements/germany/")
    expect(visitor.locator(".rich-text")).to_contain_text("Joint calls are announced here.")
    visitor.goto(f"{site}/da/aftaler/tyskland/")
    expect(visitor.locator(".rich-text")).to_contain_text("Fælles opslag annonceres her.")

    page.goto(f"{site}/admin/agreements/bilateralagreement/{agreement.pk}/history/")
    expect(page.locator("#change-history")).to_contain_text("redaktor")
    expect(page.locator("#change-history")).to_contain_text("Joint calls are announced here.")
    page.locator(f"a[href$='/history/{original_history}/']").click()
    page.get_by_role("button", name=re.compile("Revert")).click()
    expect(page.locator(".messagelist")).to_contain_text("successfully")

    assert visitor.goto(f"{site}/en/agreements/germany/").status == 200
    # The earlier version had no description: the text typed since is gone again.
    expect(visitor.locator("main")).not_to_contain_text("Joint calls")
    expect(visitor.locator("main")).to_contain_text("Bilateral agreement with Germany")
    visitor.context.close()


def test_a_draft_centre_disappears_for_visitors_but_not_for_its_publisher(logged_in_publisher, site, browser):
    page = logged_in_publisher
    centre = InnovationCentre.objects.get(slug="munich")

    page.goto(f"{site}/admin/centres/innovationcentre/{centre.pk}/change/")
    page.get_by_label("Published").uncheck()
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")

    visitor = browser.new_context(viewport=DESKTOP).new_page()
    assert visitor.goto(f"{site}/en/centres/").status == 200
    expect(visitor.get_by_role("link", name="Innovation Centre Denmark Munich")).to_have_count(0)
    expect(visitor.locator(".marker", has_text="Munich")).to_have_count(0)
    assert visitor.goto(f"{site}/en/").status == 200
    expect(visitor.get_by_role("link", name="Munich")).to_have_count(0)
    assert visitor.goto(f"{site}/en/countries/de/").status == 200
    expect(visitor.get_by_role("link", name="Innovation Centre Denmark Munich")).to_have_count(0)
    response = visitor.goto(f"{site}/en/centres/munich/")
    assert response.status == 404
    expect(visitor.get_by_role("heading", level=1)).to_have_text("Page not found")
    for url, draft in [(f"{site}/sitemap.xml", "/centres/munich/"), (f"{site}/api/v1/centres/", "munich")]:
        answer = visitor.request.get(url)
        assert answer.status == 200, url
        assert draft not in answer.text(), url

    page.goto(f"{site}/en/centres/munich/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Innovation Centre Denmark Munich")
    expect(page.get_by_role("status")).to_contain_text("not published")
    visitor.context.close()


def test_an_editor_submits_a_draft_and_a_publisher_publishes_it_from_the_queue(
    logged_in_editor, logged_in_publisher, site, browser, axe
):
    centre = InnovationCentre.objects.get(slug="munich")
    centre.is_published = False
    centre.save()
    editor = logged_in_editor

    editor.goto(f"{site}/admin/centres/innovationcentre/{centre.pk}/change/")
    expect(editor.get_by_role("button", name="Save and publish")).to_have_count(0)
    expect(editor.get_by_role("checkbox", name="Published")).to_have_count(0)  # read-only for editors
    editor.get_by_role("button", name="Submit for review").click()
    expect(editor.locator(".messagelist")).to_contain_text("is waiting for review")

    publisher = logged_in_publisher
    publisher.goto(f"{site}/admin/")
    queue = publisher.locator(".review-queue")
    expect(queue).to_contain_text("redaktor")
    assert_accessible(axe, publisher, "admin front page with the review queue")
    publisher.goto(f"{site}/admin/centres/innovationcentre/{centre.pk}/send-back/")
    assert_accessible(axe, publisher, "send back")
    publisher.goto(f"{site}/admin/")
    queue.get_by_role("link", name="Innovation Centre Denmark Munich").click()
    expect(publisher.get_by_role("status")).to_contain_text("Waiting for review: submitted by redaktor")
    # Scanned once the rich-text editors have set up their toolbars, as the other admin pages are.
    publisher.wait_for_load_state("networkidle")
    expect(publisher.locator(".prose-menubar").first).to_be_visible()
    assert_accessible(axe, publisher, "change form of an item waiting for review")
    publisher.get_by_role("button", name="Save and publish").click()
    expect(publisher.locator(".messagelist")).to_contain_text("was changed successfully")

    publisher.goto(f"{site}/admin/")
    expect(publisher.locator(".review-queue")).to_contain_text("Nothing is waiting for review.")
    visitor = browser.new_context(viewport=DESKTOP).new_page()
    assert visitor.goto(f"{site}/en/centres/munich/").status == 200
    expect(visitor.get_by_role("heading", level=1)).to_have_text("Innovation Centre Denmark Munich")
    visitor.context.close()
