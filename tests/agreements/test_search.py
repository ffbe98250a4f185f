"""Country search: the queries visitors type, and the countries they must (and must not) find.

Runs on whichever database DATABASE_URL names; CI runs it on SQLite and PostgreSQL.
"""

import pytest

from agreements.models import BilateralAgreement, CountryAlias
from publishing.country_search import countries_for_query

# (query, expected countries in order). Seed content: agreements with US CN JP DE KR IN BR IL ZA TR.
QUERIES = [
    # English and Danish names, any case and spacing
    ("Germany", ["DE"]),
    ("germany", ["DE"]),
    ("  GERMANY  ", ["DE"]),
    ("Tyskland", ["DE"]),
    ("South Korea", ["KR"]),
    ("south-korea", ["KR"]),
    ("Sydkorea", ["KR"]),
    ("Kina", ["CN"]),
    ("Indien", ["IN"]),
    ("Brasilien", ["BR"]),
    ("Sydafrika", ["ZA"]),
    ("Tyrkiet", ["TR"]),
    ("USA", ["US"]),
    ("U.S.A.", ["US"]),
    ("the USA", ["US"]),
    ("United States", ["US"]),
    ("United States of America", ["US"]),
    ("America", ["US"]),
    # Own names, with and without diacritics
    ("Deutschland", ["DE"]),
    ("Türkiye", ["TR"]),
    ("Turkiye", ["TR"]),
    ("Turkey", ["TR"]),
    ("Brasil", ["BR"]),
    ("Nippon", ["JP"]),
    ("中国", ["CN"]),
    # Formal names and abbreviations
    ("Republic of Korea", ["KR"]),
    ("Korea", ["KR"]),
    ("ROK", ["KR"]),
    ("People's Republic of China", ["CN"]),
    ("PRC", ["CN"]),
    ("Federal Republic of Germany", ["DE"]),
    ("RSA", ["ZA"]),
    ("State of Israel", ["IL"]),
    # ISO 3166 codes
    ("DE", ["DE"]),
    ("de", ["DE"]),
    ("DEU", ["DE"]),
    ("kor", ["KR"]),
    ("IND", ["IN"]),
    ("za", ["ZA"]),
    # Formal names as official lists write them: short name first, designation after a comma or in brackets
    ("Korea, Republic of", ["KR"]),
    ("Korea (the Republic of)", ["KR"]),
    ("Korea, Rep.", ["KR"]),
    ("Korea, South", ["KR"]),
    ("China, People's Republic of", ["CN"]),
    ("Germany, Federal Republic of", ["DE"]),
    ("Brazil, Federative Republic of", ["BR"]),
    ("India, Republic of", ["IN"]),
    ("Israel, State of", ["IL"]),
    ("South Africa, Republic of", ["ZA"]),
    ("Turkey, Republic of", ["TR"]),
    ("America, United States of", ["US"]),
    # Misspellings of one or two letters (names of five letters or more)
    ("Germny", ["DE"]),
    ("Gremany", ["DE"]),
    ("Tyskladn", ["DE"]),
    ("Isreal", ["IL"]),
    ("Japna", ["JP"]),
    ("Brazeel", ["BR"]),
    ("Sydkorae", ["KR"]),
    ("Inida", ["IN"]),
    ("Brazl", ["BR"]),
    ("Isral", ["IL"]),
    # Four letters: one letter dropped from a five-letter name
    ("Japn", ["JP"]),
    ("Jpan", ["JP"]),
    ("Inda", ["IN"]),
    ("Chna", ["CN"]),
    ("Cina", ["CN"]),
    ("Kora", ["KR"]),
    ("Seol", ["KR"]),
    # Prefixes of three letters or more
    ("Ger", ["DE"]),
    ("Tysk", ["DE"]),
    ("Chin", ["CN"]),
    ("Sydk", ["KR"]),
    ("Isr", ["IL"]),
    # Cities with an Innovation Centre, in their common spellings
    ("Munich", ["DE"]),
    ("München", ["DE"]),
    ("Munchen", ["DE"]),
    ("Muenchen", ["DE"]),
    ("Tel Aviv", ["IL"]),
    ("Tel-Aviv", ["IL"]),
    ("Bangalore", ["IN"]),
    ("Bengaluru", ["IN"]),
    ("Seoul", ["KR"]),
    ("Shanghai", ["CN"]),
    ("Boston", ["US"]),
    ("Silicon Valley", ["US"]),
    # Several countries, best (shortest) match first
    ("South", ["KR", "ZA"]),
    # Countries without an agreement: nothing, not a look-alike
    ("Chile", []),
    ("Chilee", []),
    ("Austria", []),
    ("Australia", []),
    ("Sweden", []),
    ("North Korea", []),
    ("Nordkorea", []),
    ("South Sudan", []),
    ("Indonesia", []),
    ("Iran", []),
    ("Denmark", []),
    ("Holland", []),
    ("UK", []),
    ("Iran, Islamic Republic of", []),
    ("Iran (Islamic Republic of)", []),
    ("Korea, Democratic People's Republic of", []),
    ("Korea, Dem. People's Rep.", []),
    ("Korea, North", []),
    ("Taiwan, Province of China", []),
    ("Hong Kong SAR, China", []),
    ("Chle", []),
    ("Spin", []),
    # Not a country at all
    ("Research", []),
    ("xyz", []),
    ("Sune", []),
    ("Karin", []),
    ("Germany, Japan", ["DE", "JP"]),
    ("a", []),
    ("%", []),
    ("_", []),
    ("' OR 1=1 --", []),
    ("Germany%", ["DE"]),
]


@pytest.mark.parametrize(("query", "expected"), QUERIES)
def test_country_search(seeded, query, expected):
    found = list(BilateralAgreement.objects.published().search(query).values_list("country", flat=True))
    assert found == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # The UN M49 regions the seed's agreements are in, named in either language.
        ("Africa", {"ZA"}),
        ("Afrika", {"ZA"}),
        ("the Americas", {"US", "BR"}),
        # Also a name of the USA (an alias in the seed content): the country wins.
        ("Amerika", {"US"}),
        ("Europe", {"DE"}),
        ("europa", {"DE"}),
        ("Asia", {"CN", "JP", "KR", "IN", "IL", "TR"}),
        ("Asien", {"CN", "JP", "KR", "IN", "IL", "TR"}),
        ("Oceania", set()),
    ],
)
def test_a_region_finds_the_agreements_in_it_not_a_look_alike_country(seeded, query, expected):
    found = BilateralAgreement.objects.published().search(query).values_list("country", flat=True)
    assert set(found) == expected


@pytest.mark.parametrize(
    "query",
    ["South America", "Sydamerika", "North Africa", "Nordafrika", "Southern Africa", "Middle East", "Caribbean"],
)
def test_a_part_of_the_world_is_no_misspelt_country(seeded, query):
    # "South America" is two edits from "South Africa", and "Caribbean" begins "Caribbean Netherlands".
    assert not BilateralAgreement.objects.published().search(query).exists()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Germany China", ["DE", "CN"]),
        ("Germany, China", ["DE", "CN"]),
        ("Tyskland og Kina", ["DE", "CN"]),
        ("Japan Korea", ["JP", "KR"]),  # Korea: an alias of South Korea in the seed content
        ("South Korea and Japan", ["KR", "JP"]),
        ("usa/kina", ["US", "CN"]),
        ("DE, CN", ["DE", "CN"]),
        # Flags are their countries' codes.
        ("🇩🇪", ["DE"]),
        ("🇯🇵 🇰🇷", ["JP", "KR"]),
        # Names with "and" or a comma in them, and a part misspelt in a list with separators.
        ("Germany and Trinidad and Tobago", ["DE"]),  # Trinidad and Tobago has no agreement
        ("Bosnia and Herzegovina, Japan", ["JP"]),
        ("Germany, Chna", ["DE", "CN"]),
        ("Germany, Deutschland", ["DE"]),
        ("🇨🇳 China", ["CN"]),
        # A word that is in no country's name: no list of countries.
        ("Germany Atlantis", []),
        # "in" in a sentence is a word, not India's code.
        ("Germany in China", []),
    ],
)
def test_a_list_of_countries_finds_each_in_its_order(seeded, query, expected):
    assert list(BilateralAgreement.objects.published().search(query).values_list("country", flat=True)) == expected


ASIA = {"CN", "IN", "IL", "JP", "KR", "TR"}


@pytest.mark.parametrize(
    ("query", "named", "in_regions"),
    [
        # A part of the world in a list is no misspelt country ("South America" is not "South Africa").
        ("Germany, South America", ["DE"], set()),
        ("Tyskland og Sydamerika", ["DE"], set()),
        ("Israel, Middle East", ["IL"], set()),
        ("Kina, Østasien", ["CN"], set()),
        ("Brazil, Latin America", ["BR"], set()),
        ("South America, Africa", [], {"ZA"}),
        # A region in a list finds its agreements, after those of the countries named.
        ("Germany, Asia", ["DE"], ASIA),
        ("Tyskland og Asien", ["DE"], ASIA),
        ("Asia, Europe", [], ASIA | {"DE"}),
        # Danish shares the end of a name across "og": South Korea and North Korea.
        ("Syd- og Nordkorea", ["KR"], set()),
        ("Syd\u2011 og Nordkorea", ["KR"], set()),  # a non-breaking hyphen
        ("Syd– og Nordkorea", ["KR"], set()),  # a dash, as word processors set it
        ("South and North Korea", ["KR"], set()),  # English leaves the shared end off
        ("Nord- og Sydamerika", [], set()),
    ],
)
def test_a_list_may_name_parts_of_the_world_with_its_countries(seeded, query, named, in_regions):
    found = list(BilateralAgreement.objects.published().search(query).values_list("country", flat=True))
    assert found[: len(named)] == named
    assert set(found[len(named) :]) == in_regions - set(named)
    assert len(found) == len(set(found))


def test_an_editors_alias_for_a_part_of_the_world_is_searched(seeded):
    CountryAlias.objects.create(country="BR", alias="Sydamerika")
    assert list(BilateralAgreement.objects.published().search("Sydamerika").values_list("country", flat=True)) == ["BR"]


def test_search_never_returns_drafts(seeded):
    BilateralAgreement.objects.filter(country="DE").update(is_published=False)

    assert not BilateralAgreement.objects.published().search("Germany").exists()


def test_editors_aliases_are_searched(seeded):
    assert not BilateralAgreement.objects.published().search("Nihon koku").exists()

    CountryAlias.objects.create(country="JP", alias="Nihon-koku")

    assert list(BilateralAgreement.objects.published().search("nihon koku").values_list("country", flat=True)) == ["JP"]


@pytest.mark.parametrize(
    ("query", "country"),
    [
        ("Iran, Islamic Republic of", "IR"),
        ("Korea, Democratic People's Republic of", "KP"),
        ("Taiwan, Province of China", "TW"),
        ("Tanzania, United Republic of", "TZ"),
        ("Congo, Dem. Rep.", "CD"),
        ("Chle", "CL"),
    ],
)
def test_a_country_without_agreement_is_still_recognised(query, country):
    """These find no agreement because the country has none, not because the name was not understood."""
    assert countries_for_query(query) == [country]
