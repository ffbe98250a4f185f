"""Danish pages in the ministry's Danish: its terms, Danish quotation marks, no English left over."""

import re

import pytest


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
