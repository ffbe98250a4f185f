"""A long list's pages link to the first, the last and those next to the current one."""

import re

from django.core.paginator import Paginator
from django.template.loader import render_to_string
from django.utils import translation

from tests.factories import make_agreement


def page_links(number, query=""):
    page = Paginator(range(620), 20).page(number)  # 31 pages
    html = render_to_string("includes/pagination.html", {"page_obj": page, "query_without_page": query})
    return html, re.findall(r"<li[^>]*>(?:<a [^>]*>)?([^<]+)", html)


def test_the_pages_around_the_current_one_and_both_ends_are_linked():
    html, items = page_links(16)
    assert items == ["Previous page", "1", "…", "15", "16", "17", "…", "31", "Next page"]
    assert '<a href="?page=16" aria-current="page" aria-label="Page 16 of 31">16</a>' in html
    assert '<a href="?page=31" aria-label="Page 31">31</a>' in html


def test_the_first_page_links_the_next_and_the_last():
    _html, items = page_links(1)
    assert items == ["1", "2", "…", "31", "Next page"]


def test_the_links_keep_the_search_and_speak_danish():
    with translation.override("da"):
        html, _items = page_links(2, query="region=europe")
    assert '<a href="?region=europe&amp;page=3" aria-label="Side 3">3</a>' in html
    assert 'aria-current="page" aria-label="Side 2 af 31"' in html


def test_a_later_page_says_its_number_in_the_title(seeded, client):
    for code in ["SE", "NO", "FI", "IS", "EE", "LV", "LT", "PL", "NL", "BE", "LU", "AT", "CH", "IT", "ES", "PT",
                 "IE", "HU", "CZ", "SK", "SI", "HR", "RO", "BG", "GR"]:  # fmt: skip
        make_agreement(country=code, slug=f"agreement-{code.lower()}")
    html = client.get("/en/agreements/", {"region": "europe", "page": 2}).content.decode()
    assert "<title>Bilateral agreements (page 2) –" in html
    html = client.get("/da/aftaler/", {"page": 2}).content.decode()
    assert "<title>Bilaterale aftaler (side 2) –" in html
    assert "(page 1)" not in client.get("/en/agreements/").content.decode()
