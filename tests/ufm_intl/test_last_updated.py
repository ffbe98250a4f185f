"""Every page says when what it shows last changed, from changes a visitor can see."""

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from agreements.models import BilateralAgreement
from centres.models import InnovationCentre
from tests.factories import make_agreement, make_centre

SOURCE_DATE = "31 January 2022"  # the date of the source text, which the seeded content carries

PAGES = [
    "/en/",
    "/en/agreements/",
    "/en/agreements/germany/",
    "/en/centres/",
    "/en/centres/munich/",
    "/en/contacts/",
    "/en/countries/",
    "/en/countries/de/",
    "/en/programmes/",
    "/en/accessibility/",
    "/en/data/",
]


def last_updated(response):
    found = re.findall(
        r'<p class="last-modified">Last updated <time datetime="([\d-]+)">([^<]+)</time>', response.content.decode()
    )
    assert len(found) == 1, "one “Last updated” per page"
    return found[0][1]


@pytest.mark.parametrize("path", PAGES)
def test_every_page_of_the_seeded_content_says_it_was_last_updated_on_the_source_date(seeded, client, path):
    assert last_updated(client.get(path)) == SOURCE_DATE


def test_a_danish_page_gives_the_date_in_danish(seeded, client):
    html = client.get("/da/aftaler/").content.decode()
    assert re.search(r'Sidst opdateret <time datetime="2022-01-31">31\. januar 2022</time>', html)


@pytest.mark.parametrize("path", ["/en/agreements/", "/en/countries/", "/en/countries/de/", "/en/"])
def test_a_published_change_moves_the_date_and_a_draft_does_not(seeded, client, monkeypatch, path):
    monkeypatch.setattr(timezone, "now", lambda: datetime(2026, 11, 2, 12, 0, tzinfo=ZoneInfo("Europe/Copenhagen")))
    make_agreement(country="DE", scope="innovation", slug="draft-germany", is_published=False)
    assert last_updated(client.get(path)) == SOURCE_DATE

    germany = BilateralAgreement.objects.get(slug_en="germany")
    germany.summary_en = "Education and research cooperation between Denmark and Germany."
    germany.save()
    assert last_updated(client.get(path)) == "2 November 2026"


EUROPEAN_AGREEMENTS = [
    {"country": country, "scope": scope}
    for country in ["FR", "IT", "ES", "NL", "BE", "SE", "NO", "FI", "PL", "AT", "CH", "IE", "PT"]
    for scope in BilateralAgreement.Scope.values
]


def make_european_agreement(n):
    return make_agreement(**EUROPEAN_AGREEMENTS[n])


@pytest.mark.parametrize(
    ("path", "make", "shown_last"),
    [
        ("/en/agreements/", make_european_agreement, lambda: BilateralAgreement.objects.published().by_title().last()),
        (
            "/en/agreements/?region=europe",
            make_european_agreement,
            lambda: BilateralAgreement.objects.get(slug_en="germany"),
        ),
        ("/en/centres/", lambda n: make_centre(), lambda: InnovationCentre.objects.published().last()),
    ],
)
def test_the_first_page_of_a_long_list_gives_the_latest_change_on_any_page(
    seeded, client, monkeypatch, path, make, shown_last
):
    """The date is read off a list only when one page holds all of it."""
    monkeypatch.setattr(timezone, "now", lambda: datetime(2022, 1, 31, 12, 0, tzinfo=ZoneInfo("Europe/Copenhagen")))
    for n in range(50):
        make(n)
    monkeypatch.setattr(timezone, "now", lambda: datetime(2026, 11, 2, 12, 0, tzinfo=ZoneInfo("Europe/Copenhagen")))
    item = shown_last()
    assert f'href="{item.get_absolute_url()}"' not in client.get(path).content.decode()  # not on the first page

    item.summary_en = "Changed."
    item.save()
    assert last_updated(client.get(path)) == "2 November 2026"
