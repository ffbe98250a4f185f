"""Atom feeds of published changes: valid Atom (RFC 4287), in both languages, only what visitors may
see, linked from every page, cached like pages and following scheduled times."""

import re
import xml.etree.ElementTree as ET
from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser
from urllib.parse import quote, urlsplit
from zoneinfo import ZoneInfo

import pytest
from django.test import Client
from django.utils import timezone
from hypothesis import HealthCheck, given
from hypothesis import settings as fuzz_settings
from hypothesis import strategies as st

from agreements.models import BilateralAgreement
from centres.models import InnovationCentre
from publishing import scheduling
from publishing.feeds import ENTRY_LIMIT
from publishing.models import ChangeNote
from tests.clock import NINE_FIFTY_NINE, TEN
from tests.factories import make_centre
from tests.fresh_database import run_in_fresh_database
from tests.pages import FEEDS, PAGE_TYPES, STATUS

ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
SOURCE_DATE = datetime(2022, 1, 31, 12, tzinfo=ZoneInfo("Europe/Copenhagen"))

# RFC 3339 date-time, as RFC 4287 section 3.3 requires it (upper-case T and Z, seconds, an offset).
RFC3339 = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})")
# An absolute IRI starts with a scheme (RFC 3987); tag: URIs also follow RFC 4151.
ABSOLUTE_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:\S+")
TAG_URI = re.compile(r"tag:[A-Za-z0-9.-]+,\d{4}(-\d{2}(-\d{2})?)?:[\x21-\x7e]+")


def atom_problems(content):
    """What breaks RFC 4287 in a feed document: the rules a feed validator checks, for what we write."""
    problems = []
    root = ET.fromstring(content)
    if root.tag != f"{ATOM}feed":
        return [f"the root is {root.tag}, not an Atom feed"]

    def one(parent, name, where):
        found = parent.findall(f"{ATOM}{name}")
        if len(found) != 1:
            problems.append(f"{where} has {len(found)} {name} elements, not one")
        return found[0] if found else None

    def at_most_one(parent, name, where):
        if len(parent.findall(f"{ATOM}{name}")) > 1:
            problems.append(f"{where} has more than one {name}")

    def check_text(element, where):
        if element is not None:
            if element.get("type", "text") not in ("text", "html", "xhtml"):
                problems.append(f"{where}: {element.tag} has type {element.get('type')}")
            if element.tag == f"{ATOM}title" and not (element.text or "").strip():
                problems.append(f"{where}: empty title")

    def check_id(element, where):
        if element is not None:
            value = element.text or ""
            if not ABSOLUTE_IRI.fullmatch(value):
                problems.append(f"{where}: id {value!r} is not an absolute IRI")
            elif value.startswith("tag:") and not TAG_URI.fullmatch(value):
                problems.append(f"{where}: id {value!r} is not a tag: URI (RFC 4151)")

    def check_date(element, where):
        if element is not None:
            value = element.text or ""
            if not RFC3339.fullmatch(value):
                problems.append(f"{where}: {element.tag.removeprefix(ATOM)} {value!r} is not an RFC 3339 date")
            else:
                datetime.fromisoformat(value.replace("Z", "+00:00"))

    def check_links(parent, where):
        seen = set()
        for link in parent.findall(f"{ATOM}link"):
            href = link.get("href")
            if not href or not urlsplit(href).scheme:
                problems.append(f"{where}: link {href!r} is not absolute")
            rel = link.get("rel", "alternate")
            if rel == "alternate":
                key = (link.get("type"), link.get("hreflang"))
                if key in seen:
                    problems.append(f"{where}: two alternate links of the same type and language")
                seen.add(key)
        return {link.get("rel", "alternate") for link in parent.findall(f"{ATOM}link")}

    def check_person(person, where):
        if len(person.findall(f"{ATOM}name")) != 1:
            problems.append(f"{where}: an author needs exactly one name")

    check_id(one(root, "id", "feed"), "feed")
    check_text(one(root, "title", "feed"), "feed")
    check_date(one(root, "updated", "feed"), "feed")
    for name in ("subtitle", "rights", "icon", "logo", "generator"):
        at_most_one(root, name, "feed")
    rels = check_links(root, "feed")
    if "self" not in rels:
        problems.append("feed: no self link")
    if len([link for link in root.findall(f"{ATOM}link") if link.get("rel") == "self"]) > 1:
        problems.append("feed: more than one self link")
    for person in root.findall(f"{ATOM}author"):
        check_person(person, "feed")
    feed_has_author = bool(root.findall(f"{ATOM}author"))

    ids = []
    for number, entry in enumerate(root.findall(f"{ATOM}entry"), start=1):
        where = f"entry {number}"
        entry_id = one(entry, "id", where)
        check_id(entry_id, where)
        ids.append(entry_id.text if entry_id is not None else None)
        check_text(one(entry, "title", where), where)
        check_date(one(entry, "updated", where), where)
        at_most_one(entry, "published", where)
        check_date(entry.find(f"{ATOM}published"), where)
        for name in ("summary", "content", "rights", "source"):
            at_most_one(entry, name, where)
        check_text(entry.find(f"{ATOM}summary"), where)
        if entry.find(f"{ATOM}content") is None and "alternate" not in check_links(entry, where):
            problems.append(f"{where}: no content and no alternate link")
        if not feed_has_author and not entry.findall(f"{ATOM}author"):
            problems.append(f"{where}: no author, and the feed has none")
    if len(set(ids)) != len(ids):
        problems.append("two entries have the same id")
    return problems


def parse(response):
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    return ET.fromstring(response.content)


def entries(root):
    """Each entry as {title, link, id, updated, published, summary}."""
    found = []
    for entry in root.findall(f"{ATOM}entry"):
        summary = entry.find(f"{ATOM}summary")
        found.append(
            {
                "title": entry.findtext(f"{ATOM}title"),
                "link": urlsplit(entry.find(f"{ATOM}link[@rel='alternate']").get("href"))
                ._replace(scheme="", netloc="")
                .geturl(),
                "id": entry.findtext(f"{ATOM}id"),
                "updated": datetime.fromisoformat(entry.findtext(f"{ATOM}updated")),
                "published": datetime.fromisoformat(entry.findtext(f"{ATOM}published")),
                # The summary is HTML; its text is plain text escaped once.
                "summary": summary.text if summary is not None else None,
            }
        )
    return found


def titles(visitor, url):
    return [entry["title"] for entry in entries(parse(visitor.get(url)))]


def note(item, en="", da="", **fields):
    return ChangeNote.objects.create(item=item, note_en=en, note_da=da, **fields)


# --- Valid Atom -------------------------------------------------------------------------------


@pytest.mark.parametrize("url", [url for urls in FEEDS.values() for url in urls.values()])
def test_every_feed_is_valid_atom(seeded, visitor, url):
    note(BilateralAgreement.objects.get(slug_en="germany"), en="Contact phone corrected & checked")
    note(BilateralAgreement.objects.get(slug_en="japan"), da="Kontaktoplysninger rettet")
    response = visitor.get(url)
    root = parse(response)

    assert atom_problems(response.content) == []
    assert root.get(XML_LANG) == url.split("/")[1]
    assert len(root.findall(f"{ATOM}entry")) >= 2


def test_control_characters_pasted_into_content_do_not_break_the_feed(seeded, visitor):
    # Text pasted from a document can carry a vertical tab or a form feed, which XML cannot hold.
    germany = BilateralAgreement.objects.get(slug_en="germany")
    germany.summary_en = "Research\x0bcooperation\x0cwith Germany"
    germany.save()
    note(germany, en="Contact\x08 phone corrected")

    for url in ("/en/feed/", "/en/countries/de/feed/"):
        response = visitor.get(url)
        assert response.status_code == 200
        assert atom_problems(response.content) == []
        assert "Research cooperation with Germany" in response.content.decode()
        assert "Contact  phone corrected" in response.content.decode()


def test_the_checker_finds_what_breaks_atom():
    """So that a passing check means something."""
    broken = (
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><id>/relative</id>'
        "<updated>2026-11-28 10:00</updated>"
        "<entry><title>a</title><id>tag:example.org,2026:1</id></entry>"
        "<entry><title>b</title><id>tag:example.org,2026:1</id><updated>2026-11-28T10:00:00Z</updated>"
        '<link href="/en/" rel="alternate"/></entry></feed>'
    )
    problems = atom_problems(broken)

    assert "feed: id '/relative' is not an absolute IRI" in problems
    assert "feed: updated '2026-11-28 10:00' is not an RFC 3339 date" in problems
    assert "feed: no self link" in problems
    assert "entry 1 has 0 updated elements, not one" in problems
    assert "entry 1: no content and no alternate link" in problems
    assert "entry 1: no author, and the feed has none" in problems
    assert "two entries have the same id" in problems
    assert atom_problems("<rss><channel/></rss>") == ["the root is rss, not an Atom feed"]


MINISTRY = {"en": "Ministry of Higher Education and Science", "da": "Uddannelses- og Forskningsministeriet"}


@pytest.mark.parametrize(
    ("url", "title", "page", "feed_id"),
    [
        ("/en/feed/", "International cooperation: new and changed content", "/en/", "en/feed"),
        ("/da/feed/", "Internationalt samarbejde: nyt og ændret indhold", "/da/", "da/feed"),
        ("/en/countries/de/feed/", "Germany: new and changed content", "/en/countries/de/", "en/countries/de/feed"),
        ("/da/lande/jp/feed/", "Japan: nyt og ændret indhold", "/da/lande/jp/", "da/countries/jp/feed"),
    ],
)  # fmt: skip
def test_a_feed_names_itself_its_page_and_the_ministry_in_its_language(seeded, visitor, url, title, page, feed_id):
    root = parse(visitor.get(url))

    assert root.findtext(f"{ATOM}title") == title
    assert root.find(f"{ATOM}link[@rel='alternate']").get("href") == f"http://testserver{page}"
    assert root.find(f"{ATOM}link[@rel='self']").get("href") == f"http://testserver{url}"
    assert root.findtext(f"{ATOM}author/{ATOM}name") == MINISTRY[url.split("/")[1]]
    assert root.findtext(f"{ATOM}id") == f"tag:testserver,2026:{feed_id}"
    # The id is fixed by the settings, not by the host the feed was asked for.
    assert parse(visitor.get(url, HTTP_HOST="localhost")).findtext(f"{ATOM}id") == f"tag:testserver,2026:{feed_id}"


# --- What the feeds say ------------------------------------------------------------------------


def test_the_seeded_content_is_announced_once_on_the_sources_date(seeded, visitor):
    found = entries(parse(visitor.get("/en/feed/")))
    germany = next(entry for entry in found if entry["link"] == "/en/agreements/germany/")

    assert germany["title"] == BilateralAgreement.objects.get(slug_en="germany").title_en
    assert germany["published"] == germany["updated"] == SOURCE_DATE
    assert germany["summary"] == BilateralAgreement.objects.get(slug_en="germany").summary_en
    assert len([entry for entry in found if entry["link"] == "/en/agreements/germany/"]) == 1
    # The feed is as recent as its latest entry.
    root = parse(visitor.get("/en/feed/"))
    assert datetime.fromisoformat(root.findtext(f"{ATOM}updated")) == max(entry["updated"] for entry in found)


def test_each_language_has_its_own_titles_links_and_notes(seeded, visitor):
    germany = BilateralAgreement.objects.get(slug_en="germany")
    note(germany, en="Contact phone corrected", da="Kontaktens telefonnummer rettet")

    english = entries(parse(visitor.get("/en/countries/de/feed/")))
    danish = entries(parse(visitor.get("/da/lande/de/feed/")))

    assert {"title": f"Updated: {germany.title_en}", "link": "/en/agreements/germany/"}.items() <= english[0].items()
    assert english[0]["summary"] == "Contact phone corrected"
    assert {"title": f"Opdateret: {germany.title_da}", "link": "/da/aftaler/tyskland/"}.items() <= danish[0].items()
    assert danish[0]["summary"] == "Kontaktens telefonnummer rettet"
    assert germany.title_da in [entry["title"] for entry in danish]
    assert germany.title_en not in [entry["title"] for entry in danish]
    # The same change in two languages: two entries, each with its own id.
    assert english[0]["id"] != danish[0]["id"]


def test_an_untranslated_title_or_note_falls_back_to_the_other_language(seeded, visitor):
    munich = InnovationCentre.objects.get(slug_en="munich")
    munich.name_da = ""
    munich.save()
    note(munich, en="Address added")

    danish = entries(parse(visitor.get("/da/lande/de/feed/")))

    assert danish[0]["title"] == f"Opdateret: {munich.name_en}"
    assert danish[0]["summary"] == "Address added"


def test_a_summary_is_plain_text_that_readers_show_as_typed(seeded, visitor):
    note(BilateralAgreement.objects.get(slug_en="germany"), en="Fees < 5 % & <b>no</b> tags")

    response = visitor.get("/en/countries/de/feed/")

    # Declared as HTML, escaped once: a reader shows exactly what the editor typed, never markup.
    assert b'<summary type="html">Fees &amp;lt; 5 % &amp;amp; &amp;lt;b&amp;gt;no' in response.content
    assert entries(parse(response))[0]["summary"] == "Fees &lt; 5 % &amp; &lt;b&gt;no&lt;/b&gt; tags"


def test_a_country_feed_has_only_that_countrys_changes(seeded, visitor):
    note(BilateralAgreement.objects.get(slug_en="germany"), en="Germany: contact corrected")
    note(BilateralAgreement.objects.get(slug_en="japan"), en="Japan: contact corrected")
    note(InnovationCentre.objects.get(slug_en="munich"), en="Munich: address added")

    germany = [entry["summary"] for entry in entries(parse(visitor.get("/en/countries/de/feed/")))]
    japan = [entry["summary"] for entry in entries(parse(visitor.get("/en/countries/jp/feed/")))]
    site = [entry["summary"] for entry in entries(parse(visitor.get("/en/feed/")))]

    assert "Germany: contact corrected" in germany and "Munich: address added" in germany
    assert "Japan: contact corrected" not in germany
    assert "Japan: contact corrected" in japan and "Germany: contact corrected" not in japan
    assert {"Germany: contact corrected", "Japan: contact corrected", "Munich: address added"} <= set(site)
    links = {entry["link"] for entry in entries(parse(visitor.get("/en/countries/de/feed/")))}
    assert links == {"/en/agreements/germany/", "/en/centres/munich/"}


def test_the_site_feed_has_every_kind_of_content(seeded, visitor):
    links = {entry["link"] for entry in entries(parse(visitor.get("/en/feed/")))}

    assert {"/en/agreements/germany/", "/en/centres/munich/", "/en/programmes/"} <= links
    assert any(link.startswith("/en/contacts/#") for link in links)


def test_a_feed_lists_the_latest_entries_only(seeded, visitor):
    germany = BilateralAgreement.objects.get(slug_en="germany")
    start = timezone.now() - timedelta(days=100)
    for day in range(ENTRY_LIMIT + 10):
        note(germany, en=f"Change {day}", published_at=start + timedelta(days=day))

    found = entries(parse(visitor.get("/en/countries/de/feed/")))

    assert len(found) == ENTRY_LIMIT
    assert found[0]["summary"] == f"Change {ENTRY_LIMIT + 9}"
    assert [entry["updated"] for entry in found] == sorted((entry["updated"] for entry in found), reverse=True)


def test_a_feed_costs_a_few_queries_however_many_notes(seeded, visitor, django_assert_max_num_queries):
    for agreement in BilateralAgreement.objects.all():
        for number in range(5):
            note(agreement, en=f"Change {number}")

    with django_assert_max_num_queries(14):
        assert visitor.get("/en/feed/").status_code == 200


# --- Only what visitors may see ------------------------------------------------------------------


def test_drafts_and_their_notes_are_in_no_feed(seeded, visitor):
    germany = BilateralAgreement.objects.get(slug_en="germany")
    note(germany, en="Contact phone corrected")
    germany.is_published = False
    germany.save()

    for url in ("/en/feed/", "/en/countries/de/feed/", "/da/feed/"):
        found = entries(parse(visitor.get(url)))
        assert not [entry for entry in found if "/germany/" in entry["link"] or "/tyskland/" in entry["link"]]
        assert "Contact phone corrected" not in [entry["summary"] for entry in found]
    # Munich is still public: the country keeps its feed.
    assert visitor.get("/en/countries/de/feed/").status_code == 200


def test_a_new_draft_is_announced_when_it_is_published_not_when_it_was_written(seeded, visitor, clock):
    clock.now = NINE_FIFTY_NINE - timedelta(days=3)
    centre = make_centre(country="DE", name_en="Innovation Centre Denmark Hamburg", is_published=False)
    assert centre.first_published_at is None
    assert "Innovation Centre Denmark Hamburg" not in titles(visitor, "/en/feed/")

    clock.now = TEN
    centre.is_published = True
    centre.save()
    clock.now = TEN + timedelta(days=1)
    centre.save()  # a later edit does not make it new again

    centre.refresh_from_db()
    assert centre.first_published_at == TEN
    entry = next(e for e in entries(parse(visitor.get("/en/countries/de/feed/"))) if "Hamburg" in e["title"])
    assert entry["published"] == entry["updated"] == TEN


def test_restoring_a_version_from_before_the_first_publication_does_not_make_the_item_new(seeded, clock):
    clock.now = TEN - timedelta(days=3)
    centre = make_centre(is_published=False)  # its first version knows no publication
    clock.now = TEN
    centre.is_published = True
    centre.save()

    clock.now = TEN + timedelta(days=2)
    restored = centre.history.earliest().instance  # as "Revert" restores it, kept published
    restored.is_published = True
    restored.save()

    centre.refresh_from_db()
    assert centre.first_published_at == TEN


def test_a_save_of_some_fields_records_the_first_publication_too(seeded, clock):
    clock.now = TEN
    centre = make_centre(is_published=False)
    centre.is_published = True
    centre.save(update_fields=["is_published"])

    centre.refresh_from_db()
    assert centre.first_published_at == TEN


@pytest.mark.parametrize("url", ["/en/feed/", "/en/countries/tr/feed/"])
def test_an_item_scheduled_for_ten_appears_in_the_cached_feed_at_ten(seeded, visitor, clock, url):
    turkey = BilateralAgreement.objects.get(slug_en="turkey")
    BilateralAgreement.objects.filter(pk=turkey.pk).update(publish_from=TEN, first_published_at=None)
    clock.now = NINE_FIFTY_NINE - timedelta(minutes=1)
    BilateralAgreement.objects.get(slug_en="japan").save()  # an edit: the content version moves

    clock.now = NINE_FIFTY_NINE
    if url == "/en/feed/":
        assert turkey.title_en not in titles(visitor, url)
        assert turkey.title_en not in titles(visitor, url)  # answered from the cache
    else:
        assert visitor.get(url).status_code == 404  # nothing public about Türkiye yet

    clock.now = TEN
    entry = next(entry for entry in entries(parse(visitor.get(url))) if entry["title"] == turkey.title_en)
    assert entry["published"] == TEN


def test_an_item_unpublished_at_ten_leaves_the_feed_at_ten(seeded, visitor, clock):
    japan = BilateralAgreement.objects.get(slug_en="japan")
    note(japan, en="Japan: contact corrected", published_at=NINE_FIFTY_NINE - timedelta(days=1))
    BilateralAgreement.objects.filter(pk=japan.pk).update(unpublish_at=TEN)
    BilateralAgreement.objects.get(slug_en="china").save()

    clock.now = NINE_FIFTY_NINE
    assert japan.title_en in titles(visitor, "/en/feed/")
    assert japan.title_en in titles(visitor, "/en/feed/")

    clock.now = TEN
    assert japan.title_en not in titles(visitor, "/en/feed/")
    assert f"Updated: {japan.title_en}" not in titles(visitor, "/en/feed/")


def test_a_note_dated_ahead_appears_on_the_page_and_in_the_feed_at_its_time(seeded, visitor, clock):
    germany = BilateralAgreement.objects.get(slug_en="germany")
    clock.now = NINE_FIFTY_NINE
    note(germany, en="Agreement renewed", published_at=TEN)

    for _twice in range(2):  # the second answer comes from the cache
        assert "Agreement renewed" not in [e["summary"] for e in entries(parse(visitor.get("/en/countries/de/feed/")))]
        assert "Agreement renewed" not in visitor.get("/en/agreements/germany/").content.decode()
    assert list(ChangeNote.objects.public()) == []

    clock.now = TEN
    found = entries(parse(visitor.get("/en/countries/de/feed/")))
    assert found[0]["summary"] == "Agreement renewed" and found[0]["updated"] == TEN
    assert "Agreement renewed" in visitor.get("/en/agreements/germany/").content.decode()
    assert [n.text for n in ChangeNote.objects.public()] == ["Agreement renewed"]


def test_the_next_scheduled_change_counts_notes_dated_ahead(seeded, clock):
    clock.now = NINE_FIFTY_NINE
    BilateralAgreement.objects.filter(slug_en="turkey").update(publish_from=TEN + timedelta(days=1))
    note(BilateralAgreement.objects.get(slug_en="germany"), en="Renewed", published_at=TEN)

    assert scheduling.next_scheduled_change() == TEN
    clock.now = TEN
    assert scheduling.next_scheduled_change() == TEN + timedelta(days=1)


# --- Cached like pages, with stable ids ---------------------------------------------------------


def test_an_edit_makes_the_cached_feed_stale(seeded, visitor):
    germany = BilateralAgreement.objects.get(slug_en="germany")
    first = note(germany, en="Contact phone corrected")
    assert entries(parse(visitor.get("/en/feed/")))[0]["summary"] == "Contact phone corrected"
    # Changed behind the portal's back (no save, so the content version stays): the cached copy is answered.
    ChangeNote.objects.filter(pk=first.pk).update(note_en="Changed in the database only")
    BilateralAgreement.objects.filter(pk=germany.pk).update(title_en="Changed in the database only")
    assert entries(parse(visitor.get("/en/feed/")))[0]["summary"] == "Contact phone corrected"

    germany.refresh_from_db()
    germany.title_en = "Agreement with Germany, renewed"
    germany.save()  # an edit of the item
    assert "Agreement with Germany, renewed" in titles(visitor, "/en/feed/")

    note(germany, en="Funding partner added")  # a new note
    assert entries(parse(visitor.get("/en/feed/")))[0]["summary"] == "Funding partner added"


def test_an_entry_keeps_its_id_when_the_title_and_address_change(seeded, visitor):
    germany = BilateralAgreement.objects.get(slug_en="germany")
    before = next(e for e in entries(parse(visitor.get("/en/feed/"))) if e["link"] == "/en/agreements/germany/")

    germany.title_en = "Agreement with the Federal Republic of Germany"
    germany.slug_en = "federal-republic-of-germany"
    germany.save()

    after = next(e for e in entries(parse(visitor.get("/en/feed/"))) if e["id"] == before["id"])
    assert after["title"] == "Agreement with the Federal Republic of Germany"
    assert after["link"] == "/en/agreements/federal-republic-of-germany/"
    assert after["published"] == before["published"]
    assert before["id"] == f"tag:testserver,2026:en/agreements.bilateralagreement/{germany.pk}"


def test_entry_ids_come_from_the_settings_not_the_address_asked_for(seeded, visitor, settings):
    settings.FEED_ID_AUTHORITY = "international.example.dk"
    found = entries(parse(visitor.get("/en/feed/", HTTP_HOST="localhost")))

    assert {entry["id"].split(":")[1] for entry in found} == {"international.example.dk,2026"}
    assert found[0]["link"].startswith("/en/")


# --- Addresses -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    ["/en/countries/se/feed/", "/en/countries/xx/feed/", "/en/countries/deu/feed/", "/da/lande/%C3%A6/feed/"],
)
def test_a_country_without_public_content_or_no_country_has_no_feed(seeded, visitor, url):
    response = visitor.get(url)

    assert response.status_code == 404
    assert 'id="main"' in response.content.decode()  # in the site's layout


@fuzz_settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(code=st.text(st.characters(codec="utf-8"), min_size=1, max_size=12), language=st.sampled_from(["en", "da"]))
def test_any_country_code_in_a_feed_address_gets_a_clear_answer(seeded, code, language):
    countries = {"en": "countries", "da": "lande"}[language]
    response = Client(raise_request_exception=False).get(f"/{language}/{countries}/{quote(code, safe='')}/feed/")

    assert response.status_code in (200, 301, 400, 404), (code, response.status_code)
    if response.status_code == 200:
        assert atom_problems(response.content) == []


def test_a_country_with_only_drafts_has_no_feed(seeded, visitor):
    japan = BilateralAgreement.objects.get(slug_en="japan")
    japan.is_published = False
    japan.save()

    assert visitor.get("/en/countries/jp/feed/").status_code == 404


def test_a_country_code_in_capitals_is_redirected(seeded, visitor):
    response = visitor.get("/en/countries/DE/feed/")

    assert response.status_code == 301 and response["Location"] == "/en/countries/de/feed/"


def test_a_feed_answers_get_and_head_only(seeded, visitor):
    assert visitor.head("/en/feed/").status_code == 200
    assert visitor.post("/en/feed/").status_code == 405


class FeedLinks(HTMLParser):
    def __init__(self):
        super().__init__()
        self.feeds = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("rel") == "alternate" and attrs.get("type") == "application/atom+xml":
            self.feeds.append((attrs["href"], attrs.get("title")))


# The country whose feed a page links first; the others link the site's feed only.
COUNTRY_OF_PAGE = {"country": {"en": "us", "da": "de"}, "agreement": {"en": "kr", "da": "kr"}, "centre": {"en": "de", "da": "de"}}  # fmt: skip


@pytest.mark.parametrize("language", ["en", "da"])
@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_every_page_links_the_feed_that_fits_it(seeded, visitor, page_type, language):
    response = visitor.get(PAGE_TYPES[page_type][language])
    assert response.status_code == STATUS.get(page_type, 200)
    parser = FeedLinks()
    parser.feed(response.content.decode())

    site_feed = {"en": "/en/feed/", "da": "/da/feed/"}[language]
    expected = [site_feed]
    if page_type in COUNTRY_OF_PAGE:
        code = COUNTRY_OF_PAGE[page_type][language]
        expected.insert(0, {"en": f"/en/countries/{code}/feed/", "da": f"/da/lande/{code}/feed/"}[language])
    assert [href for href, _title in parser.feeds] == expected
    assert all(title for _href, title in parser.feeds)
    for href in expected:
        root = parse(visitor.get(href))
        assert root.findtext(f"{ATOM}title") == dict(parser.feeds)[href]


def test_robots_keep_crawlers_out_of_search_results(seeded, visitor):
    lines = visitor.get("/robots.txt").content.decode().splitlines()

    assert {"Disallow: /en/search/", "Disallow: /da/soeg/", "Disallow: /admin/"} <= set(lines)
    assert "Disallow: /en/feed/" not in lines


# --- The migration that dates what was published before feeds existed -------------------------

MIGRATION_SCRIPT = """
import json
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client
from django.utils import timezone
from hypothesis import HealthCheck, given
from hypothesis import settings as fuzz_settings
from hypothesis import strategies as st

BEFORE = [
    ("agreements", "0005_status_dates_and_documents"),
    ("centres", "0004_danish_slugs"),
    ("contacts", "0002_schedule"),
    ("ufm_intl", "0011_publishers_group"),
]
executor = MigrationExecutor(connection)
executor.migrate(BEFORE)
old = executor.loader.project_state(BEFORE).apps
Agreement = old.get_model("agreements", "BilateralAgreement")
History = old.get_model("agreements", "HistoricalBilateralAgreement")
now = timezone.now()


def agreement(slug, country, reason, is_published=True):
    item = Agreement.objects.create(
        country=country, region="europe", title_en=slug, slug_en=slug, slug_da=slug, is_published=is_published,
    )
    History.objects.create(
        id=item.id, country=country, region="europe", title_en=slug, slug_en=slug, slug_da=slug,
        scope="education-research", is_published=is_published, created_at=now, updated_at=now,
        history_date=now, history_type="+", history_change_reason=reason,
    )
    return item


agreement("seeded", "DE", "Loaded from the ministry's source page")
typed = agreement("typed", "FR", "Typed in")
agreement("draft", "SE", "Typed in", is_published=False)
old.get_model("contacts", "ContactPerson").objects.create(name="Karin Rasmussen", slug="karin")

executor.loader.build_graph()
executor.migrate(executor.loader.graph.leaf_nodes())

from agreements.models import BilateralAgreement
from contacts.models import ContactPerson

dates = {a.slug_en: a.first_published_at and a.first_published_at.isoformat() for a in BilateralAgreement.objects.all()}
dates["contact"] = ContactPerson.objects.get().first_published_at == ContactPerson.objects.get().created_at
dates["typed_created"] = BilateralAgreement.objects.get(slug_en="typed").created_at.isoformat()
print(json.dumps(dates))
"""


@pytest.mark.parametrize("database", ["sqlite", "postgresql"])
def test_items_published_before_feeds_existed_are_dated_once(tmp_path, database):
    dates = run_in_fresh_database(MIGRATION_SCRIPT, database=database, tmp_path=tmp_path, name="ufm_feeds_migration")

    # Seeded: the source's date, which its pages show; typed in: when it was created; a draft: not yet.
    assert datetime.fromisoformat(dates["seeded"]) == SOURCE_DATE
    assert dates["typed"] == dates["typed_created"]
    assert dates["draft"] is None
    assert dates["contact"] is True
    assert datetime.fromisoformat(dates["seeded"]).astimezone(UTC).isoformat() == "2022-01-31T11:00:00+00:00"
