"""No internal link or fragment on the site is broken: a crawl from both front pages follows every one."""

from collections import deque
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

from django.test import Client


class LinksAndIds(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs = []
        self.ids = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href"):
            self.hrefs.append(attrs["href"])


def parse(html):
    parser = LinksAndIds()
    parser.feed(html)
    return parser


def is_internal(url):
    parts = urlsplit(url)
    return parts.scheme in ("", "http", "https") and parts.netloc in ("", "testserver")


def crawl(client, starts):
    """Every internal page reachable from ``starts``: {path: (status, ids)}, and each link's origin."""
    pages, linked_from = {}, {}
    queue = deque((start, "(start)") for start in starts)
    while queue:
        url, origin = queue.popleft()
        path = urlsplit(url)._replace(scheme="", netloc="", fragment="").geturl()
        linked_from.setdefault(path, origin)
        if path in pages:
            continue
        response = client.get(path)
        ids = set()
        if response.status_code == 200 and response["Content-Type"].startswith("text/html"):
            parsed = parse(response.content.decode())
            ids = parsed.ids
            for href in parsed.hrefs:
                target = urljoin(path, href)
                if is_internal(target):
                    queue.append((target, path))
        elif response.status_code in (301, 302):
            # A redirect is followed: where it leads must answer too.
            queue.append((urljoin(path, response["Location"]), path))
        pages[path] = (response.status_code, ids)
    return pages, linked_from


def test_every_internal_link_and_fragment_leads_somewhere(seeded):
    client = Client()
    pages, linked_from = crawl(client, ["/en/", "/da/"])

    assert len(pages) > 40, sorted(pages)
    # The site links its pages where they are: not to a redirect (whose target the crawl follows too).
    broken = {path: status for path, (status, _ids) in pages.items() if status != 200}
    assert not broken, {path: (status, linked_from[path]) for path, status in broken.items()}

    missing_fragments = []
    for path, (status, _ids) in pages.items():
        if status != 200:
            continue
        response = client.get(path)
        if not response["Content-Type"].startswith("text/html"):
            continue
        for href in parse(response.content.decode()).hrefs:
            target, fragment = urldefrag(urljoin(path, href))
            if not fragment or not is_internal(target):
                continue
            target_path = urlsplit(target)._replace(scheme="", netloc="").geturl()
            if fragment not in pages.get(target_path, (None, set()))[1]:
                missing_fragments.append((path, href))
    assert not missing_fragments


def test_the_crawl_reaches_every_kind_of_page_in_both_languages(seeded):
    pages, _ = crawl(Client(), ["/en/", "/da/"])

    for path in [
        "/en/centres/munich/",
        "/da/centre/munchen/",
        "/en/agreements/south-africa/",
        "/da/aftaler/sydafrika/",
        "/en/countries/",
        "/da/lande/",
        "/en/countries/za/",
        "/da/lande/za/",
        "/en/programmes/",
        "/da/programmer/",
        "/en/accessibility/",
        "/da/tilgaengelighed/",
        "/en/contacts/karin-ilsoth-rasmussen.vcf",
    ]:
        assert pages.get(path, (None,))[0] == 200, path


def test_the_other_cooperation_card_links_to_itself_on_the_overview(seeded):
    html = Client().get("/en/").content.decode()
    assert "#intergovernmental-cooperation" not in html.replace('id="intergovernmental-cooperation"', "")
    assert 'id="intergovernmental-cooperation"' in html
    assert "/programmes/#intergovernmental-cooperation" not in html
