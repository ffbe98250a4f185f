"""Every public page type, in both languages: the pages the HTML checker, the accessibility scans and
the phone-width checks go through."""

PAGE_TYPES = {
    "overview": {"en": "/en/", "da": "/da/"},
    "centres": {"en": "/en/centres/", "da": "/da/centre/"},
    "centre": {"en": "/en/centres/munich/", "da": "/da/centre/munchen/"},
    "agreements": {"en": "/en/agreements/", "da": "/da/aftaler/"},
    "search": {"en": "/en/agreements/?q=Germany", "da": "/da/aftaler/?q=Sydkorea&funder=innovation-fund-denmark"},
    "no-results": {"en": "/en/agreements/?q=Chile", "da": "/da/aftaler/?q=Chile"},
    "search-error": {"en": "/en/agreements/?page=abc", "da": "/da/aftaler/?page=abc"},
    "search-control-character": {"en": "/en/agreements/?q=%07", "da": "/da/aftaler/?q=%07"},
    "agreement": {"en": "/en/agreements/south-korea/", "da": "/da/aftaler/sydkorea/"},
    "countries": {"en": "/en/countries/", "da": "/da/lande/"},
    "country": {"en": "/en/countries/us/", "da": "/da/lande/de/"},
    "contacts": {"en": "/en/contacts/", "da": "/da/kontakter/"},
    "programmes": {"en": "/en/programmes/", "da": "/da/programmer/"},
    "accessibility": {"en": "/en/accessibility/", "da": "/da/tilgaengelighed/"},
    "site-search": {"en": "/en/search/?q=network+programme", "da": "/da/soeg/?q=aftaler"},
    "site-search-none": {"en": "/en/search/?q=xylophone", "da": "/da/soeg/?q=xylofon"},
    "site-search-error": {"en": "/en/search/?q=%07", "da": "/da/soeg/?q=%07"},
    "data": {"en": "/en/data/", "da": "/da/data/"},
    "not-found": {"en": "/en/no-such-page/", "da": "/da/ingen-side/"},
}

# The page types that answer something else than 200, and what.
STATUS = {"search-error": 400, "site-search-error": 400, "not-found": 404}

# The Atom feeds (tests/ufm_intl/test_feeds.py): the whole site, and one country, in each language.
FEEDS = {
    "site": {"en": "/en/feed/", "da": "/da/feed/"},
    "country": {"en": "/en/countries/de/feed/", "da": "/da/lande/jp/feed/"},
}
