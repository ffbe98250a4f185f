"""The ministry's source page, statement by statement, is on the public site: in English as the source words
it, in Danish as the seed stored it."""

import json
import re
from html.parser import HTMLParser
from pathlib import Path

from django.test import Client
from django.utils import translation

from agreements.models import BilateralAgreement
from centres.models import InnovationCentre
from tests.ufm_intl.test_links import crawl
from ufm_intl.models import Initiative, Page
from ufm_intl.seed import SEED_REASON

# A copy of the ministry's source page, as the seed was written from it.
SOURCE = Path(__file__).resolve().parents[1] / "source" / "international-cooperation.txt"

# Elements whose text is not shown, and elements that end a line of text when shown.
HIDDEN = {"script", "style", "template", "noscript"}
BLOCKS = {
    "address", "article", "aside", "blockquote", "br", "caption", "dd", "details", "div", "dl", "dt",
    "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li",
    "main", "nav", "ol", "option", "p", "section", "summary", "table", "td", "th", "title", "tr", "ul",
}  # fmt: skip
TYPOGRAPHY = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "„": '"', "\u00ad": None})


class VisibleText(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts = []
        self.hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in HIDDEN:
            self.hidden += 1
        elif tag in BLOCKS:
            self.parts.append(" ")

    def handle_startendtag(self, tag, attrs):
        if tag in BLOCKS:
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in BLOCKS:
            self.parts.append(" ")

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


def normalise(text):
    return re.sub(r"\s+", " ", text.translate(TYPOGRAPHY)).strip()


def visible_text(html):
    parser = VisibleText()
    parser.feed(html)
    parser.close()
    return normalise("".join(parser.parts))


def sentences(text):
    """The sentences of some prose, each without its closing punctuation (a list's lead-in ends with ":")."""
    return [
        sentence.rstrip(".:;").strip()
        for sentence in re.split(r"(?<=[.!?:])\s+(?=[A-ZÆØÅ])", normalise(text))
        if sentence.rstrip(".:;").strip()
    ]


def source_lines():
    return [line.strip() for line in SOURCE.read_text(encoding="utf-8").splitlines() if line.strip()]


def source_contacts():
    """The contact persons the source names: [(name, phone as shown, email)]."""
    lines = source_lines()
    contacts = []
    for index, line in enumerate(lines):
        if line.startswith("Tlf.:"):
            email = lines[index + 1]
            assert email.startswith("Email:"), email
            contacts.append(
                (lines[index - 1], line.removeprefix("Tlf.:").strip(), email.removeprefix("Email:").strip())
            )
    return contacts


def source_statements():
    """Every statement of the source's prose, its list items and its headings included; not its navigation
    ("Gå til indhold"), its contact lines (checked on the contacts page) or its "last modified" line."""
    contact_lines = {name for name, _phone, _email in source_contacts()}
    statements = []
    for line in source_lines():
        if line == "Gå til indhold" or line.lower().startswith("last modified") or line in contact_lines:
            continue
        if line.startswith(("Tlf.:", "Email:")):
            continue
        statements.extend(sentences(line.lstrip("•").strip()))
    return statements


def public_texts(client, start):
    """The visible text of every public HTML page reachable from ``start`` in its language: {path: text}."""
    pages, _linked_from = crawl(client, [start])
    texts = {}
    for path, (status, _ids) in pages.items():
        if status != 200 or not path.startswith(start):
            continue
        response = client.get(path)
        if response["Content-Type"].startswith("text/html"):
            texts[path] = visible_text(response.content.decode())
    return texts


def missing(statements, texts):
    return [statement for statement in statements if not any(statement in text for text in texts)]


def test_the_source_is_read_whole(seeded):
    statements = source_statements()
    assert len(statements) >= 20, statements
    assert (
        "Bilateral agreements on education and research cooperation with the largest research and technology nations outside the EU"
        in statements
    )
    assert "Gå til indhold" not in statements
    assert not [statement for statement in statements if "last modified" in statement or "@" in statement]
    assert len(source_contacts()) == 2


def test_every_statement_of_the_source_is_on_the_english_site(seeded):
    texts = public_texts(Client(), "/en/")
    assert len(texts) > 20, sorted(texts)

    absent = missing(source_statements(), texts.values())

    assert not absent, "Not on any public English page:\n" + "\n".join(absent)


def test_the_source_contact_persons_are_on_the_contacts_page_with_their_phones_and_emails(seeded):
    text = visible_text(Client().get("/en/contacts/").content.decode())

    expected = [item for contact in source_contacts() for item in contact]
    assert "+45 72 31 82 13" in expected and "Sune Kaur-Pedersen" in expected
    absent = [item for item in expected if item not in text]
    assert not absent, "Not on /en/contacts/: " + ", ".join(absent)


def seeded_danish_statements():
    """What the seed stored in Danish (its history rows, which later edits leave as they were), each with the
    Danish page it belongs on, or None for text shown on the list and overview pages: [(path, statement)]."""
    expected = []
    for model, fields in (
        (Page, ("title_da", "summary_da", "body_da")),
        (Initiative, ("title_da", "summary_da", "body_da")),
        (InnovationCentre, ("name_da", "summary_da")),
        (BilateralAgreement, ("title_da", "summary_da")),
    ):
        rows = model.history.filter(history_change_reason=SEED_REASON)
        assert rows.exists(), model
        for row in rows:
            path = None
            if model in (InnovationCentre, BilateralAgreement):
                with translation.override("da"):
                    path = model.objects.get(pk=row.id).get_absolute_url()
            for field in fields:
                expected.extend((path, statement) for statement in sentences(visible_text(getattr(row, field) or "")))
    return expected


def test_every_danish_text_of_the_seed_is_on_the_danish_site(seeded):
    texts = public_texts(Client(), "/da/")
    assert len(texts) > 20, sorted(texts)
    expected = seeded_danish_statements()
    assert (
        "Forskning og innovation er udpræget international i sin natur, og internationalt samarbejde er af særlig interesse for et land på Danmarks størrelse"
        in [statement for _path, statement in expected]
    )

    absent = [
        f"{path or 'any page'}: {statement}"
        for path, statement in expected
        if not (statement in texts.get(path, "") if path else any(statement in text for text in texts.values()))
    ]

    assert not absent, "Not on the public Danish pages:\n" + "\n".join(absent)


def structured_data(html):
    return [
        json.loads(block) for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    ]


def keys(data):
    if isinstance(data, dict):
        for key, value in data.items():
            yield key
            yield from keys(value)
    elif isinstance(data, list):
        for value in data:
            yield from keys(value)


def test_the_centres_structured_data_names_no_parent_organisation(seeded):
    """The source says the ministry set the centres up with the Ministry of Foreign Affairs, not that they are
    part of either: search engines are not told of a parent organisation."""
    client = Client()
    for path in ("/en/centres/", "/en/centres/munich/", "/da/centre/", "/da/centre/munchen/"):
        blocks = structured_data(client.get(path).content.decode())
        centres = [
            block
            for block in blocks
            for item in (block if isinstance(block, list) else [block])
            if item.get("@type") == "GovernmentOffice"
        ]
        assert centres, path
        assert "parentOrganization" not in set(keys(blocks)), path
