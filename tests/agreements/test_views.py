import re

import pytest

from agreements.models import Activity, BilateralAgreement, FundingPartner
from tests.factories import make_agreement


def result_titles(response):
    html = response.content.decode()
    results = html.split('id="results-heading"', 1)[1]
    return re.findall(r'<h3><a href="[^"]+">([^<]+)</a></h3>', results)


def test_list_shows_every_published_agreement_with_count(seeded, client, django_assert_max_num_queries):
    make_agreement(title_en="Draft agreement with France", is_published=False)

    # The list itself needs four (the funder and activity choices, each with whether an agreement names
    # it, the agreements, their funding partners): when one page holds every agreement, their count and when they last changed ("Last
    # updated") are read off it. Four more: the introduction (the bilateral agreements initiative), the
    # content version, and the next scheduled publishing time and the next midnight an agreement's dates
    # change its status, which the page cache keeps with the page.
    with django_assert_max_num_queries(8):
        response = client.get("/en/agreements/")
        assert response.status_code == 200

    titles = result_titles(response)
    assert len(titles) == 10
    assert "Draft agreement with France" not in titles
    assert "10 agreements" in response.content.decode()


def test_query_count_does_not_grow_with_the_number_of_agreements(seeded, client, django_assert_max_num_queries):
    for n in range(30):
        make_agreement(country="FR", scope="research", slug=f"extra-{n}", is_published=n == 0)
    with django_assert_max_num_queries(10):  # as above
        response = client.get("/en/agreements/?page=1")
        assert response.status_code == 200
    assert len(result_titles(response)) == 11
    with django_assert_max_num_queries(10):
        response = client.get("/en/agreements/?q=germany&funder=innovation-fund-denmark")
        assert response.status_code == 200
    assert result_titles(response) == []


def test_search_in_danish_finds_the_agreement(seeded, client):
    response = client.get("/da/aftaler/?q=Sydkorea")
    assert result_titles(response) == ["Bilateral aftale med Sydkorea"]


def test_filters_stay_in_the_url_and_combine_with_search(seeded, client):
    response = client.get("/en/agreements/?funder=innovation-fund-denmark")
    assert sorted(result_titles(response)) == [
        "Bilateral agreement with Brazil",
        "Bilateral agreement with China",
        "Bilateral agreement with India",
        "Bilateral agreement with South Korea",
        "Bilateral agreement with the USA",
    ]
    assert result_titles(client.get("/en/agreements/?funder=innovation-fund-denmark&q=Japan")) == []
    assert result_titles(client.get("/en/agreements/?region=asia&q=Seoul")) == ["Bilateral agreement with South Korea"]
    # UN M49: Germany is in Europe; Turkey and Israel are in Asia.
    assert result_titles(client.get("/en/agreements/?region=europe")) == ["Bilateral agreement with Germany"]
    assert sorted(result_titles(client.get("/en/agreements/?region=americas"))) == [
        "Bilateral agreement with Brazil",
        "Bilateral agreement with the USA",
    ]
    # No agreement is tagged with an activity the source does not state for it.
    assert result_titles(client.get("/en/agreements/?activity=workshops")) == []
    html = client.get("/en/agreements/?region=asia").content.decode()
    assert '<option value="asia" selected>Asia</option>' in html
    # A region written by hand as it reads.
    assert result_titles(client.get("/en/agreements/?region=Europe")) == ["Bilateral agreement with Germany"]


@pytest.mark.parametrize(
    ("url", "notice"),
    [
        (
            "/en/agreements/?q=Gremany",
            "Showing agreements with Germany: the country name closest to “Gremany”.",
        ),
        (
            "/da/aftaler/?q=Tyskand",
            "Her er aftalerne med Tyskland: det landenavn, der ligner »Tyskand« mest.",
        ),
    ],
)
def test_a_search_read_as_the_closest_country_name_says_so(seeded, client, url, notice):
    html = client.get(url).content.decode()
    assert f'<p class="search-reading">{notice}</p>' in html


@pytest.mark.parametrize("query", ["Germany", "Tyskland", "DE", "Asia", "Korea, Rep."])
def test_a_search_that_names_a_country_or_region_says_nothing_of_closest_names(seeded, client, query):
    response = client.get("/en/agreements/", {"q": query})
    assert result_titles(response)
    assert "search-reading" not in response.content.decode()


def test_a_form_with_an_error_says_so_in_the_title_and_ties_the_message_to_the_field(seeded, client):
    html = client.get("/da/aftaler/", {"q": "x" * 201}).content.decode()
    assert "<title>Fejl: Bilaterale aftaler" in html
    assert 'aria-describedby="q-hint error-message"' in html and '<p id="error-message">' in html
    html = client.get("/en/search/", {"page": "abc", "q": "aftale"}).content.decode()
    assert "<title>Error: Search" in html


def test_a_country_without_agreement_gets_a_clear_answer(seeded, client):
    response = client.get("/en/agreements/?q=Chile")

    assert response.status_code == 200
    html = response.content.decode()
    assert "0 agreements" in html
    assert "No agreement matches “Chile”." in html
    assert "The ministry has bilateral agreements with these countries:" in html
    for country in ["Germany", "South Korea", "Türkiye", "United States of America", "Japan"]:
        assert country in html


@pytest.mark.parametrize(
    ("path", "said", "link"),
    [
        (
            "/en/agreements/",
            "No agreement matches “germany” and the filters chosen.",
            "Search for “germany” without the filters",
        ),
        ("/da/aftaler/", "Ingen aftale passer til »germany« og de valgte filtre.", "Søg efter »germany« uden filtrene"),
    ],
)
def test_a_search_the_filters_leave_empty_says_so_and_leads_back_to_the_search_alone(seeded, client, path, said, link):
    html = " ".join(client.get(path, {"q": "germany", "funder": "innovation-fund-denmark"}).content.decode().split())

    assert said in html
    assert f'<a href="{path}?q=germany">{link}</a>' in html
    assert "Germany" in client.get(path, {"q": "germany"}).content.decode()


def test_the_query_is_escaped_when_repeated(seeded, client):
    response = client.get("/en/agreements/", {"q": "<script>alert(1)</script>"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"q": "x" * 10_000}, "at most 200 characters"),
        ({"q": "Germany\x00"}, "Null characters are not allowed."),
        ({"page": "-1"}, "The page number must be 1 or more."),
        ({"page": "abc"}, "The page number must be a whole number."),
        ({"page": "99999999999999999999"}, "There is no such page."),
        ({"page": "2"}, "There is no page 2. The last page is 1."),
        ({"funder": "nobody"}, "There is no such option: “nobody”."),
        ({"region": "atlantis"}, "There is no such region: “atlantis”."),
    ],
)
def test_bad_input_gets_400_with_a_clear_message_in_the_layout(seeded, client, query, message):
    response = client.get("/en/agreements/", query)

    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert 'class="skip-link"' in html


def test_bad_input_message_is_in_danish_on_danish_pages(seeded, client):
    response = client.get("/da/aftaler/", {"page": "abc"})
    assert response.status_code == 400
    assert "Sidetallet skal være et helt tal." in response.content.decode()


def test_odd_but_harmless_input_is_answered(seeded, client):
    assert client.get("/en/agreements/?q=%25%25_%5C").status_code == 200
    assert client.get("/en/agreements/?q=%FF%FE").status_code == 200
    assert result_titles(client.get("/en/agreements/?q=Japan&q=Germany")) == ["Bilateral agreement with Germany"]
    assert client.get("/en/agreements/?q=").status_code == 200


def test_pagination_keeps_the_search_in_the_links(seeded, client):
    for n in range(25):
        make_agreement(country="FR", scope="research" if n == 0 else "education", slug=f"fr-{n}", is_published=n < 2)
    for n in range(25):
        make_agreement(country="GB", region="europe", slug=f"gb-{n}", is_published=False)
    for code in [
        "SE",
        "NO",
        "FI",
        "IS",
        "EE",
        "LV",
        "LT",
        "PL",
        "NL",
        "BE",
        "LU",
        "AT",
        "CH",
        "IT",
        "ES",
        "PT",
        "IE",
        "HU",
    ]:
        make_agreement(country=code, slug=f"agreement-{code.lower()}")

    html = client.get("/en/agreements/?region=europe").content.decode()

    assert "Page 1 of 2" in html
    assert 'href="?region=europe&amp;page=2"' in html


def test_agreement_detail_shows_funders_and_what_they_fund(seeded, client):
    response = client.get("/en/agreements/south-korea/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "South Korea" in html
    assert "Innovation Fund Denmark" in html and "Funds project collaboration" in html
    # The possible activities are stated for the agreements as a group, on the list page.
    assert "Exchanges of researchers" not in html
    assert "Region (UN M49)" in html and "Asia" in html
    assert 'href="/en/centres/seoul/"' in html
    assert 'href="mailto:spe@ufm.dk"' in html


def test_agreement_without_funding_partner_shows_none(seeded, client):
    response = client.get("/en/agreements/japan/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Bilateral agreement with Japan" in html
    assert "Innovation Fund Denmark" not in html and 'id="funding-heading"' not in html


def test_list_introduces_the_agreements_with_what_the_source_says_of_them(seeded, client):
    html = client.get("/en/agreements/").content.decode()
    assert "exchanges of researchers, workshops and project collaboration" in html
    assert "which has agreements with five of these countries (USA, China, India, Brazil and South Korea)" in html
    assert "the USA, China, Japan, Germany, South Korea, India, Brazil, Israel, South Africa and Turkey" in html


def test_region_filter_is_labelled_with_its_standard(seeded, client):
    html = client.get("/en/agreements/").content.decode()
    assert re.search(r'<label for="id_region">Region \(UN M49\)</label>', html)
    assert filter_options(html, "region") == ["africa", "americas", "asia", "europe", "oceania"]


def filter_options(html, name):
    """The values a filter offers, or None if the page does not show it."""
    if f'id="id_{name}"' not in html:
        return None
    return re.findall(r'<option value="([a-z-]+)"', html.split(f'id="id_{name}"')[1].split("</select>")[0])


def test_the_filters_offer_only_the_funders_and_activities_some_agreement_has(seeded, client):
    FundingPartner.objects.create(name="A partner of no agreement yet", slug="not-yet")
    html = client.get("/en/agreements/").content.decode()
    # No seeded agreement names an activity: the filter would lead nowhere.
    assert filter_options(html, "activity") is None and 'for="id_activity"' not in html
    assert filter_options(html, "funder") == ["innovation-fund-denmark"]

    # A draft's activity is not offered: it would lead to no agreement, and tell of the draft.
    draft = make_agreement(country="FR", scope="research", slug="france", is_published=False)
    draft.activities.add(Activity.objects.get(slug="project-collaboration"))
    BilateralAgreement.objects.get(country="JP").activities.add(Activity.objects.get(slug="workshops"))
    html = client.get("/en/agreements/").content.decode()
    assert filter_options(html, "activity") == ["workshops"]

    # An option named in a link is still accepted, and shown as chosen.
    response = client.get("/en/agreements/", {"activity": "researcher-exchanges"})
    assert response.status_code == 200
    html = response.content.decode()
    assert filter_options(html, "activity") == ["researcher-exchanges", "workshops"]
    assert '<option value="researcher-exchanges" selected>' in html and "0 agreements" in html
