"""Danish pages in the ministry's Danish: its terms, Danish quotation marks, no English left over."""

import ast
import gettext
import re
from pathlib import Path

import pytest
from django.conf import settings


def text_of(html):
    """What a visitor reads: the body without tags, scripts or the language switch's other language."""
    body = html.split("<body>", 1)[1]
    body = re.sub(r"<script.*?</script>", " ", body, flags=re.S)
    body = re.sub(r'<a [^>]*lang="en"[^>]*>.*?</a>', " ", body, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body))


def test_search_results_are_headed_as_the_ministry_writes_it(seeded, client):
    html = client.get("/da/aftaler/?q=Tyskland").content.decode()
    assert "<title>Søgeresultater for »Tyskland«" in html
    assert "<legend>Afgræns</legend>" in html

    html = client.get("/da/aftaler/?q=Chile").content.decode()
    assert "Søgningen på »Chile« gav ingen resultater." in html
    assert "“" not in text_of(html)

    html = client.get("/da/aftaler/?region=oceania").content.decode()
    assert "Søgningen gav ingen resultater." in html


def test_errors_are_announced_in_danish(seeded, client):
    html = client.get("/da/aftaler/?region=atlantis").content.decode()
    assert "Der er en fejl" in html and "Regionen »atlantis« findes ikke." in html


def test_contact_persons_are_called_so(seeded, client):
    html = client.get("/da/kontakter/").content.decode()
    assert "<h1>Kontaktpersoner</h1>" in html
    assert "Ministeriets kontaktpersoner om internationalt forsknings- og innovationssamarbejde." in html
    assert ">Kontakter<" not in html


def test_the_overview_speaks_the_ministrys_danish(seeded, client):
    text = text_of(client.get("/da/").content.decode())
    assert "udpræget international i sin natur" in text
    assert "varetager og udvikler" in text
    assert "myndighedssamarbejde, f.eks. i Sydafrika" in text
    assert "Innovation Centre Denmark (ICDK)" in text


def test_the_accessibility_statement_is_in_danish(seeded, client):
    text = text_of(client.get("/da/tilgaengelighed/").content.decode())
    assert "Tilgængelighedserklæringen er endnu ikke udfyldt" in text
    assert "lov om tilgængelighed af offentlige organers websteder og mobilapplikationer" in text
    assert "Håndhævelsesprocedure" in text


@pytest.mark.parametrize(
    "url",
    ["/da/", "/da/centre/", "/da/centre/munchen/", "/da/aftaler/", "/da/aftaler/tyskland/", "/da/lande/", "/da/lande/us/",
     "/da/kontakter/", "/da/programmer/", "/da/tilgaengelighed/"],
)  # fmt: skip
def test_no_english_interface_text_on_danish_pages(seeded, client, url):
    response = client.get(url)
    assert response.status_code == 200
    text = text_of(response.content.decode())
    for english in ["Sitemap", "Contacts", "Overview", "Agreement", "Focus areas", "Innovation attaché", "Search",
                    "Filter", "Region", " the ", " and ", "Page "]:  # fmt: skip
        if english == "Region":
            assert "Region (FN" in text or "Region" not in text, url
            continue
        assert english not in text, (url, english)


def _po_entries(path):
    """``{(context, msgid): msgstr or (plural msgstrs)}`` of the translated entries of a .po file."""
    entries, entry, key = {}, {}, None

    def finish():
        if "msgid" in entry and entry["msgid"]:
            plural = [entry[name] for name in sorted(entry) if name.startswith("msgstr[")]
            translation = tuple(plural) if plural else entry.get("msgstr", "")
            if all(translation if plural else [translation]) and "fuzzy" not in entry.get("flags", ""):
                entries[(entry.get("msgctxt"), entry["msgid"])] = translation
        entry.clear()

    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if not line.strip():
            finish()
        elif line.startswith("#,"):
            entry["flags"] = line
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            entry[key] += ast.literal_eval(line)
        else:
            key, _, value = line.partition(" ")
            entry[key] = ast.literal_eval(value)
    return entries


def test_the_compiled_translations_are_those_of_the_po_file():
    # Django reads the .mo; a translation added to the .po and not compiled would be English on the site.
    directory = Path(settings.BASE_DIR) / "locale" / "da" / "LC_MESSAGES"
    with (directory / "django.mo").open("rb") as mo:
        compiled = gettext.GNUTranslations(mo)
    entries = _po_entries(directory / "django.po")
    assert len(entries) > 400
    for (context, msgid), translation in entries.items():
        key = f"{context}\x04{msgid}" if context else msgid
        if isinstance(translation, tuple):
            found = tuple(compiled._catalog.get((key, n)) for n in range(len(translation)))
        else:
            found = compiled._catalog.get(key)
        assert found == translation, msgid
