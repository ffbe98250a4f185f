"""The site-wide search in every page's header: what visitors type and what they must (and must not) find.

Runs on whichever database DATABASE_URL names: full-text search on PostgreSQL, stemming in Python on
SQLite; both must give the same best results.
"""

import re
from html import unescape

import pytest
from django.db import connection, transaction
from django.urls import reverse
from django.utils import translation
from django_countries import countries

from agreements.models import BilateralAgreement
from centres.models import InnovationCentre
from contacts.models import ContactPerson
from tests.factories import make_agreement
from ufm_intl.models import Initiative, Page
from ufm_intl.search import KINDS, site_search

FUNDED = {"US", "CN", "IN", "BR", "KR"}
NOT_FUNDED = {"JP", "DE", "IL", "ZA", "TR"}
RESULT = re.compile(
    r'<p class="result-kind">([^<]+)</p>\s*<h3><a href="([^"]+)">(.+?)</a></h3>\s*(?:<p>(.*?)</p>)?', re.S
)


def search_url(language="en"):
    with translation.override(language):
        return reverse("search")


def search(client, query, language="en"):
    response = client.get(search_url(language), {"q": query})
    assert response.status_code == 200
    return response


def results(response):
    """(kind, url, title) of each result, in order; the title without its <mark>s."""
    html = response.content.decode()
    return [(kind, url, re.sub(r"</?mark>", "", title)) for kind, url, title, _ in RESULT.findall(html)]


def urls(response):
    return [url for _, url, _ in results(response)]


def url_in(language, obj):
    with translation.override(language):
        return obj.get_absolute_url()


def agreement_countries(response, language="en"):
    """The countries of the agreements among the results."""
    countries = {url_in(language, a): a.country.code for a in BilateralAgreement.objects.published()}
    return {countries[url] for url in urls(response) if url in countries}


def agreement_with(country):
    return BilateralAgreement.objects.get(country=country)


def munich():
    return InnovationCentre.objects.get(city_en="Munich")


@pytest.mark.parametrize("language", ["en", "da"])
@pytest.mark.parametrize("page", ["overview", "agreements:list", "contacts:list", "search"])
def test_every_page_has_a_labelled_search_form_in_its_header(seeded, client, language, page):
    with translation.override(language):
        response = client.get(reverse(page))
        assert response.status_code == 200
        html = response.content.decode()
        header = html.split('<header class="site-header">', 1)[1].split("</header>", 1)[0]
        assert f'<form class="site-search" method="get" action="{search_url(language)}" role="search"' in header
        assert '<label for="site-search-q">' in header
        assert '<input type="search" name="q" id="site-search-q"' in header


def test_finds_a_contact_person_by_first_name(seeded, client):
    found = results(search(client, "Karin"))

    assert found[0] == ("Contact person", "/en/contacts/#karin-ilsoth-rasmussen", "Karin Ilsøth Rasmussen")
    assert len(found) == 1


def test_finds_the_other_contact_person_in_danish_too(seeded, client):
    found = results(search(client, "Sune", "da"))

    sune = ContactPerson.objects.get(email="spe@ufm.dk")
    assert found[0][1:] == (url_in("da", sune), "Sune Kaur-Pedersen")
    assert not any("karin" in url for _, url, _ in found)


def test_finds_the_international_network_programme(seeded, client):
    response = search(client, "network programme")

    kind, url, title = results(response)[0]
    assert (kind, title) == ("Programme", "International Network Programme")
    assert url.endswith("#international-network-programme")
    # The snippet shows where the words are, marked.
    assert "<mark>Network</mark> <mark>Programme</mark>" in response.content.decode()


def test_a_city_finds_its_centre_by_its_danish_name(seeded, client):
    found = urls(search(client, "München", "da"))

    assert url_in("da", munich()) in found[:2]


def test_a_city_finds_its_centre_on_the_english_page(seeded, client):
    found = urls(search(client, "München"))

    assert url_in("en", munich()) in found[:2]


def test_innovationsfonden_finds_the_five_agreements_it_funds(seeded, client):
    response = search(client, "Innovationsfonden", "da")

    assert agreement_countries(response, "da") == FUNDED
    assert "<mark>Innovationsfonden</mark>" in response.content.decode()


def test_danish_words_are_found_whatever_their_ending(seeded, client):
    # "aftaler" (agreements) finds "aftale" (agreement) and "aftalen" (the agreement).
    response = search(client, "aftaler", "da")

    assert agreement_countries(response, "da") == FUNDED | NOT_FUNDED
    assert "Bilateral <mark>aftale</mark> med Tyskland" in response.content.decode()


def test_english_words_are_found_whatever_their_ending(seeded, client):
    found = results(search(client, "agreements with Japan"))

    assert found[0][1] == url_in("en", agreement_with("JP"))


@pytest.mark.parametrize(
    ("query", "title"),
    [
        # Stems whose ending the stemmer replaces ("internate", "ministri") are not in the text as they are.
        ("international", "International Network Programme"),
        ("International Network Programme", "International Network Programme"),
        ("ministry", "Innovation Centre Denmark Munich"),
        # A plural's s goes however short the word.
        ("stay", "Partnership agreements for research stays"),
    ],
)
def test_words_whose_stem_is_not_in_the_text_are_found(seeded, client, query, title):
    assert title in [unescape(found) for _, _, found in results(search(client, query))]


@pytest.mark.parametrize(("query", "language"), [("Tyskland", "en"), ("Tyskland", "da"), ("Germany", "en")])
def test_a_country_puts_its_agreement_first(seeded, client, query, language):
    assert urls(search(client, query, language))[0] == url_in(language, agreement_with("DE"))


def test_a_formal_country_name_puts_its_agreement_first(seeded, client):
    assert urls(search(client, "Korea, Republic of"))[0] == url_in("en", agreement_with("KR"))


def test_drafts_never_appear(seeded, client):
    drafts = [
        agreement_with("DE"),
        munich(),
        ContactPerson.objects.get(email="kra@ufm.dk"),
        Initiative.objects.get(title_en="International Network Programme"),
        Page.objects.get(key="programmes"),
    ]
    hidden = {url_in("en", draft) for draft in drafts}
    for draft in drafts:
        type(draft).objects.filter(pk=draft.pk).update(is_published=False)
    make_agreement(title_en="Draft agreement about Karin's network programme", is_published=False)

    for query in ["Tyskland", "München", "Munich", "Karin", "network programme", "Draft agreement"]:
        for _kind, url, title in results(search(client, query)):
            assert url not in hidden and "Draft" not in title, (query, url)
    assert results(search(client, "Karin")) == []


def test_no_results_suggest_the_lists_and_the_countries(seeded, client):
    response = search(client, "xylophone")

    html = response.content.decode()
    assert results(response) == []
    assert "No results for “xylophone”." in html
    for url in ["/en/agreements/", "/en/centres/", "/en/programmes/", "/en/contacts/", "/en/countries/de/"]:
        assert f'href="{url}"' in html


def test_an_empty_search_shows_the_form_only(seeded, client):
    response = search(client, "")

    html = response.content.decode()
    assert '<form class="search-form" method="get" action="/en/search/">' in html
    assert 'id="results-heading"' not in html


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("x" * 201, "The search text can be at most 200 characters long."),
        ("Karin\x07", "The search text contains characters that cannot be searched for."),
    ],
)
def test_bad_input_answers_400_with_a_clear_message_in_the_layout(seeded, client, query, message):
    response = client.get(search_url(), {"q": query})

    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert 'class="error-summary"' in html and 'class="skip-link"' in html and "site-footer" in html
    assert 'id="results-heading"' not in html


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"q": "Karin", "page": "abc"}, "The page number must be a whole number."),
        ({"q": "Karin", "page": "0"}, "The page number must be 1 or more."),
        ({"q": "Karin", "page": "2"}, "There is no page 2 of results for this search."),
        # One result: page 11 is as far off as page 2.
        ({"q": "Karin", "page": "11"}, "There is no page 11 of results for this search."),
    ],
)
def test_a_page_of_results_that_cannot_be_shown_answers_400_with_the_reason(seeded, client, params, message):
    response = client.get(search_url(), params)

    assert response.status_code == 400
    html = response.content.decode()
    assert message in html and 'class="error-summary"' in html and "site-footer" in html
    assert 'id="results-heading"' not in html


@pytest.fixture
def many_matches(seeded):
    """25 published contact persons with the same name: more results than one page holds."""
    for number in range(25):
        ContactPerson.objects.create(
            name=f"Testperson {number:02d}", slug=f"testperson-{number:02d}", email=f"t{number}@example.dk"
        )


@pytest.mark.parametrize(
    ("language", "first_heading", "second_heading", "next_label"),
    [
        ("en", "Results 1–20, best first", "Results 21–25, best first", "Next page"),
        ("da", "Resultat 1–20, bedste først", "Resultat 21–25, bedste først", "Næste side"),
    ],
)
def test_results_come_twenty_to_a_page_without_overlap(
    many_matches, client, language, first_heading, second_heading, next_label
):
    first = client.get(search_url(language), {"q": "Testperson"})
    html = first.content.decode()
    assert first.status_code == 200
    assert first_heading in html
    on_first = [url for url in urls(first) if "testperson" in url]
    assert len(urls(first)) == 20
    next_link = re.search(r'<a rel="next" href="([^"]+)">([^<]+)</a>', html)
    assert next_link and next_link.group(2) == next_label
    assert 'rel="prev"' not in html

    second = client.get(search_url(language) + next_link.group(1).replace("&amp;", "&"))
    html = second.content.decode()
    assert second.status_code == 200
    assert second_heading in html and '<ol class="search-results" start="21">' in html
    on_second = [url for url in urls(second) if "testperson" in url]
    assert 'rel="next"' not in html and 'rel="prev"' in html
    assert len(on_first) + len(on_second) == 25
    assert len(set(on_first) | set(on_second)) == 25


def test_results_past_the_tenth_page_are_not_shown_and_the_page_says_so(seeded, client):
    ContactPerson.objects.bulk_create(
        ContactPerson(name=f"Testperson {number:03d}", slug=f"testperson-{number:03d}") for number in range(201)
    )

    response = client.get(search_url(), {"q": "Testperson", "page": "11"})

    assert response.status_code == 400
    assert "Only the first 10 pages of results are shown. Add words to narrow the search." in response.content.decode()


def test_one_page_of_results_says_how_many_there_are(seeded, client):
    html = search(client, "Karin").content.decode()
    assert "1 result" in html and 'class="pagination"' not in html


def test_a_nul_byte_answers_400_in_the_layout(seeded, client):
    response = client.get(search_url(), {"q": "Karin\x00"})

    assert response.status_code == 400
    html = response.content.decode()
    assert 'class="skip-link"' in html and "site-footer" in html
    assert "Karin Ilsøth Rasmussen" not in html


def test_the_query_and_the_content_are_escaped(seeded, client):
    person = ContactPerson.objects.get(email="spe@ufm.dk")
    person.responsibilities_en = "Questions about <script>alert(1)</script> & the network"
    person.save()

    for query in ["<script>alert(1)</script>", "network"]:
        html = search(client, query).content.decode()

        assert "<script>alert(1)</script>" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "Questions about &lt;script&gt;alert(1)&lt;/script&gt; &amp; the <mark>network</mark>" in html


def test_the_query_count_does_not_grow_with_the_content(seeded, client, django_assert_max_num_queries):
    with django_assert_max_num_queries(20):
        assert search(client, "aftaler", "da")
    for n in range(30):
        make_agreement(country="FR", scope="research", slug=f"extra-{n}", title_da=f"Aftale {n}", is_published=n == 0)
    with django_assert_max_num_queries(20):
        response = search(client, "aftaler", "da")
    assert len(agreement_countries(response, "da")) == 11


def test_the_answer_is_cached(seeded, client, django_assert_max_num_queries):
    first = search(client, "Karin")
    with django_assert_max_num_queries(1):
        again = search(client, "Karin")
    assert again.content == first.content


def test_a_funding_partner_and_a_word_of_the_agreement_together_find_it(seeded, client):
    # "Innovationsfonden" is only in the funding partners, "Kina" only in the agreement's own text.
    assert agreement_countries(search(client, "Innovationsfonden Kina", "da"), "da") == {"CN"}
    assert agreement_countries(search(client, "Innovation Fund Denmark India"), "en") == {"IN"}


@pytest.mark.skipif(connection.vendor != "postgresql", reason="websearch's \"-word\" is PostgreSQL's")
def test_a_word_left_out_drops_an_agreement_its_funder_would_find(seeded, client):
    # The funder's name matches every agreement it pays for by itself, but not the one that says "Kina".
    assert agreement_countries(search(client, "Innovationsfonden -Kina", "da"), "da") == FUNDED - {"CN"}


@pytest.mark.parametrize("query", ["ufm.dk/o'brien", "o'hara & co:*", "'a' <-> 'b'", "x\\'y", "\"a b\" -'c'"])
def test_a_query_with_quotes_and_operators_gets_an_answer(seeded, client, query):
    assert search(client, query).status_code == 200


@pytest.mark.skipif(connection.vendor != "postgresql", reason="websearch's \"-word\" is PostgreSQL's")
def test_a_word_left_out_after_a_short_word_is_left_out(seeded, client):
    make_agreement(country="SE", title_en="Agreement on EU zzqresearch")
    make_agreement(country="NO", title_en="Agreement on EU zzqresearch and zzqsecrets")

    found = agreement_countries(search(client, "zzqresearch eu -zzqsecret"), "en")

    assert found == {"SE"}


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the full-text indexes are PostgreSQL's")
@pytest.mark.parametrize("language", ["en", "da"])
@pytest.mark.parametrize("kind", KINDS, ids=["agreements", "centres", "contacts", "initiatives", "pages"])
def test_each_kind_is_searched_through_its_full_text_index(seeded, language, kind):
    # Without the index every published row's text is parsed at each search. PostgreSQL uses an expression
    # index only for the very expression it holds: with sequential scans ruled out, a plan that still does
    # not read the index means the query and the migration no longer agree.
    model = kind.search("research", language).model
    if model is BilateralAgreement:
        # With ten published agreements the planner may rightly read them all through the index of
        # published agreements per country and check each (earlier tests' rolled-back rows, still in the
        # search index, tip it that way); with a few hundred, as in production, only the search index fits.
        taken = set(BilateralAgreement.objects.filter(scope="research").values_list("country", flat=True))
        codes = [code for code, _name in countries if code not in taken][:200]
        BilateralAgreement.objects.bulk_create(
            BilateralAgreement(country=code, scope="research", region="asia", title_en=code, slug_en=f"many-{code}")
            for code in codes
        )
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {model._meta.db_table}")
        cursor.execute("SET LOCAL enable_seqscan = off")
        plan = kind.search("research", language).explain()
    assert re.search(rf"Bitmap Index Scan on \w+_search_{language}\b", plan), plan


@pytest.mark.skipif(connection.vendor != "postgresql", reason="on SQLite the related names are prefetched")
def test_agreements_found_through_their_funding_partner_are_read_with_their_names_in_one_query(
    seeded, django_assert_num_queries
):
    # Country aliases, then for each kind its search (agreements and centres after their related names):
    # the agreements a funder pays for come in the search's own query, with the funders' names for the
    # snippets, and no query for their keys nor a prefetch.
    with translation.override("da"), django_assert_num_queries(8):
        found = site_search("Innovationsfonden", "da")
    funded = {url_in("da", agreement_with(country)) for country in FUNDED}
    snippets = {result.url: result.snippet for result in found.results if result.url in funded}
    assert set(snippets) == funded
    assert all("<mark>Innovationsfonden</mark>" in snippet for snippet in snippets.values())
