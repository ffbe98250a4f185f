"""Browser tests: Playwright driving Debian's Chromium against pytest-django's live server."""

import os
import shutil
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

# Playwright's sync API runs an event loop in the test thread; the ORM must still be usable in tests.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
PHONE = {"width": 375, "height": 667}
DESKTOP = {"width": 1280, "height": 800}
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/e2e/" in str(item.path).replace(os.sep, "/"):
            item.add_marker(pytest.mark.e2e)


def chromium_path():
    path = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
    if not os.path.exists(path):
        # A missing browser is an error, never a skip.
        raise RuntimeError(
            "Chromium is needed for the browser tests: apt-get install -y chromium "
            "(or set CHROMIUM_PATH). Run the other tests with: ./portal test -m 'not e2e'"
        )
    return path


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": chromium_path(), "args": CHROMIUM_FLAGS}


@pytest.fixture
def site(live_server, seeded):
    """The portal's address, with its seed content."""
    return live_server.url


@pytest.fixture(scope="session")
def axe():
    return Axe()


def assert_accessible(axe, page, label):
    results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_21_AA}, "resultTypes": ["violations"]})
    violations = results.response["violations"]
    report = "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} — " + ", ".join(str(node["target"]) for node in v["nodes"][:5])
        for v in violations
    )
    assert not violations, f"{label}: accessibility violations\n{report}"


def screenshot(page, name):
    folder = ARTIFACTS / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / f"{name}.png"), full_page=True)


@pytest.fixture
def staff_password():
    return "a-long-editor-passphrase-2026"


def log_in(site, browser, username, password):
    """A new browser context logged in as ``username`` through the login form, at the admin's front page."""
    context = browser.new_context(viewport=DESKTOP, locale="en-GB")
    page = context.new_page()
    page.goto(f"{site}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("input[type=submit]")
    page.wait_for_url(f"{site}/admin/")
    return page


@pytest.fixture
def logged_in_editor(site, browser, staff_password, django_user_model):
    """A browser context of an editor in the Editors group, logged in through the login form."""
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user("redaktor", password=staff_password, is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    page = log_in(site, browser, "redaktor", staff_password)
    yield page
    page.context.close()


@pytest.fixture
def logged_in_publisher(site, browser, staff_password, django_user_model):
    """A browser context of a publisher (in the Editors and Publishers groups), logged in through the login form."""
    from django.contrib.auth.models import Group

    from tests.conftest import publishers_group

    user = django_user_model.objects.create_user(
        "udgiver", password=staff_password, is_staff=True, first_name="Pia", last_name="Krogh"
    )
    user.groups.add(Group.objects.get(name="Editors"), publishers_group())
    page = log_in(site, browser, "udgiver", staff_password)
    yield page
    page.context.close()
