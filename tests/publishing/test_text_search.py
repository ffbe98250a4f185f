"""Searching the text of content: words meet whatever their ending, the best match comes first, output is escaped.

The QuerySet tests run on whichever database DATABASE_URL names (PostgreSQL's full-text search, or
Python's stemming on SQLite) and must pass on both.
"""

import pytest
from django.utils import translation

from agreements.models import BilateralAgreement, FundingPartner
from publishing.text_search import may_match, plain_text, query_stems, snippet, stem, with_related
from tests.factories import make_agreement
from ufm_intl.models import Initiative


@pytest.mark.parametrize(
    ("language", "forms"),
    [
        ("da", ["aftaler", "aftale", "aftalen", "aftalerne"]),
        ("da", ["innovationsfonden", "innovationsfond"]),
        ("da", ["forskere", "forsker"]),
        ("en", ["programme", "programmes"]),
        ("en", ["country", "countries"]),
        ("en", ["network", "networks", "networking"]),
        ("en", ["researcher", "researchers", "research"]),
        ("en", ["accessible", "accessibility"]),
        ("en", ["stay", "stays"]),
    ],
)
def test_forms_of_a_word_share_their_stem(language, forms):
    assert len({stem(form, language) for form in forms}) == 1


@pytest.mark.parametrize(
    ("language", "a", "b"), [("en", "sune", "sun"), ("en", "partner", "part"), ("da", "aftale", "aften")]
)
def test_different_words_keep_different_stems(language, a, b):
    assert stem(a, language) != stem(b, language)


def test_stop_words_are_left_out_of_a_query():
    assert query_stems("The agreements with Japan", "en") == ["agreement", "japan"]
    assert query_stems("aftalen med Japan og Kina", "da") == ["aftal", "japan", "kina"]
    assert query_stems("the of and", "en") == []


def test_a_snippet_marks_the_matching_words_and_escapes_the_rest():
    text = "Questions about <b>funding</b> & the funded programmes"

    html = snippet(text, query_stems("fund", "en"), "en")

    assert html == "Questions about &lt;b&gt;<mark>funding</mark>&lt;/b&gt; &amp; the <mark>funded</mark> programmes"


def test_a_snippet_is_the_passage_around_the_first_match():
    text = " ".join(f"word{n}" for n in range(100)) + " Karin " + " ".join(f"more{n}" for n in range(100))

    html = snippet(text, ["karin"], "en", length=12)

    assert html.startswith("… word")
    assert html.endswith(" …")
    assert "<mark>Karin</mark>" in html
    assert len(html.split()) == 14  # twelve words and the two ellipses


def test_no_snippet_without_a_match():
    assert snippet("Nothing to see here", ["karin"], "en") is None


def test_a_snippet_marks_the_words_a_query_word_finds_whatever_their_case():
    stems = query_stems("østrig", "da")

    assert (
        snippet("Aftalen med ØSTRIG gælder fra 2020", stems, "da") == "Aftalen med <mark>ØSTRIG</mark> gælder fra 2020"
    )
    assert snippet("Nedreøstrig og østrigsk", stems, "da") == "Nedreøstrig og <mark>østrigsk</mark>"
    assert snippet("Nedreøstrig", stems, "da") is None


def test_a_snippet_escapes_quotes_as_django_does():
    html = snippet('Karin\'s "network" <programme>', ["karin"], "en")

    assert html == "<mark>Karin</mark>&#x27;s &quot;network&quot; &lt;programme&gt;"


@pytest.mark.parametrize(
    "value",
    [
        "<p>Funded by <strong>Innovationsfonden</strong></p>",
        "<p>Inno<b>vations</b>fonden</p>",  # tags inside the word: the plain text joins it
        "<p>Innovations&shy;fonden, <a title='a > b'>Innovations</a>fonden</p>",
        "Innovationsfonden &amp; partners",
        "<p>&#73;nnovationsfonden</p>",  # a character reference for the first letter
        "<!-- note --><p>Innovations<!-- > -->fonden</p>",
    ],
)
def test_rich_text_that_holds_a_word_may_match(value):
    stems = query_stems("Innovationsfonden", "da")

    assert snippet(plain_text(value), stems, "da") is not None
    assert may_match(value, stems, "da")


@pytest.mark.parametrize("value", ["", None, "<p>Nothing <b>to</b> see &amp; here</p>", "<p>Innovation Fund</p>"])
def test_rich_text_without_the_word_does_not_match(value):
    stems = query_stems("Innovationsfonden", "da")

    assert snippet(plain_text(value), stems, "da") is None
    assert not may_match(value, stems, "da")


@pytest.fixture
def initiatives(db):
    Initiative.objects.all().delete()
    in_text = Initiative.objects.create(
        slug="in-text", kind="other", title_en="Other cooperation", body_en="<p>Quantum research</p>", position=1
    )
    in_title = Initiative.objects.create(slug="in-title", kind="other", title_en="Quantum research", position=2)
    draft = Initiative.objects.create(slug="draft", kind="other", title_en="Quantum", is_published=False)
    return in_text, in_title, draft


def test_a_match_in_the_title_ranks_above_a_match_in_the_text(initiatives):
    in_text, in_title, _draft = initiatives

    found = list(Initiative.objects.published().search_text("quantum", "en"))

    assert found == [in_title, in_text]
    assert found[0].search_rank > found[1].search_rank


def test_every_word_must_match(initiatives):
    assert list(Initiative.objects.published().search_text("quantum cooperation", "en")) == [initiatives[0]]
    assert not Initiative.objects.published().search_text("quantum xylophone", "en").exists()


def test_a_text_without_its_translation_is_searched_as_visitors_see_it(initiatives):
    # No Danish title: the Danish page shows the English one, so the Danish search finds it there.
    assert Initiative.objects.published().search_text("quantum", "da").count() == 2


def test_words_inside_html_tags_do_not_match(initiatives):
    assert not Initiative.objects.published().search_text("p", "en").exists()


def test_a_word_inside_a_longer_word_does_not_match(initiatives):
    in_text, in_title, _draft = initiatives
    Initiative.objects.create(slug="inside", kind="other", title_en="Superquantum and hyperquantums", position=3)
    Initiative.objects.create(slug="after-punctuation", kind="other", title_en="Research (quantum-safe)", position=4)

    found = list(Initiative.objects.published().search_text("quantum", "en"))

    assert "inside" not in [initiative.slug for initiative in found]
    assert {in_text, in_title} < set(found)
    assert "after-punctuation" in [initiative.slug for initiative in found]


@pytest.mark.parametrize(
    ("query", "title", "found"),
    [
        # The singular finds the plural and definite forms, whose stems Snowball cuts further on.
        ("innovationscenter", "Danmarks innovationscentre i udlandet", True),
        ("center", "Centret i München", True),
        # The first part of a compound finds the compound.
        ("forskning", "Forskningsophold i udlandet", True),
        # A short word finds only itself, not every word it begins.
        ("eu", "Europæisk samarbejde", False),
        ("eu", "Samarbejde i EU", True),
    ],
)
def test_a_danish_word_finds_the_words_it_begins(initiatives, query, title, found):
    initiative = Initiative.objects.create(slug="danish", kind="other", title_da=title, position=3)

    assert (initiative in Initiative.objects.published().search_text(query, "da")) is found


@pytest.mark.parametrize(
    ("query", "title"),
    [
        # A short word before a longer one, in a phrase, a hyphenated word or a name with an apostrophe.
        ("co-operation", "International co-operation"),
        ('"tel aviv"', "Innovation Centre Denmark Tel Aviv"),
        ("o'brien", "A visit by O'Brien"),
        ("eu zzqresearch", "EU zzqresearch programme"),
        ("ufm.dk/o'brien", "Read more at ufm.dk/o'brien"),
    ],
)
def test_words_with_short_words_beside_them_are_found(initiatives, query, title):
    initiative = Initiative.objects.create(slug="punctuation", kind="other", title_en=title, position=3)

    assert initiative in Initiative.objects.published().search_text(query, "en")


def test_a_word_does_not_find_the_stop_words_it_begins(initiatives):
    # PostgreSQL leaves stop words out of what it searches: "whic" never finds "which", on either database.
    Initiative.objects.create(slug="stop-words", kind="other", title_en="Which of them, and between whom", position=3)

    assert not Initiative.objects.published().search_text("whic", "en").exists()
    assert not Initiative.objects.published().search_text("betw", "en").exists()


def test_a_word_in_capitals_with_a_danish_first_letter_is_found(initiatives):
    capitals = Initiative.objects.create(slug="capitals", kind="other", title_da="Samarbejde med ØSTRIG", position=3)
    Initiative.objects.create(slug="inside", kind="other", title_da="Nedreøstrig", position=4)

    assert list(Initiative.objects.published().search_text("Østrig", "da")) == [capitals]


def test_an_edited_text_is_found_by_its_new_words_only(initiatives):
    in_text, _in_title, _draft = initiatives
    in_text.body_en = "<p>Marine biology</p>"
    in_text.save()

    assert list(Initiative.objects.published().search_text("marine", "en")) == [in_text]
    assert in_text not in Initiative.objects.published().search_text("quantum", "en")


def test_related_names_come_with_each_item_in_their_order_as_visitors_read_them(db):
    fund = FundingPartner.objects.create(slug="b-fund", name_en="Innovation Fund Denmark", name_da="Innovationsfonden")
    # No Danish name: Danish visitors read the English one.
    council = FundingPartner.objects.create(slug="a-council", name_en="Research Council")
    funded = make_agreement(funding_partners=[fund, council], country="SE")
    unfunded = make_agreement(country="NO")

    with translation.override("da"):
        items = with_related(
            BilateralAgreement.objects.filter(pk__in=[funded.pk, unfunded.pk]).order_by("pk"),
            "funding_partners__name",
            "da",
            "partner_names",
        )
        names = [[str(name) for name in item.partner_names] for item in items]

    assert names == [["Research Council", "Innovationsfonden"], []]
