from django.core.exceptions import DisallowedHost
from django.utils.translation import get_language, override
from django.utils.translation import gettext_lazy as _

from publishing.addresses import item_url, language_alternates, same_page_in

NAVIGATION = [
    ("overview", "overview", _("Overview")),
    ("centres", "centres:list", _("Innovation Centres")),
    ("agreements", "agreements:list", _("Agreements")),
    ("countries", "countries", _("Countries")),
    ("programmes", "programmes", _("Programmes")),
    ("contacts", "contacts:list", _("Contacts")),
]


def _section(match):
    if match is None:
        return None
    if match.url_name == "country":
        return "countries"
    return match.namespace or match.url_name


def site(request):
    """Site chrome: the main menu, and the same page in each language (switcher and hreflang).

    The same page in another language is found by translating the URL's words; an item's page, whose
    slug differs by language, gives its own ``language_alternates`` (publishing/views.py), which win.
    """
    current_language = get_language()

    def same_page(code):
        if getattr(request, "is_error_page", False):
            # No page answers at this address (publishing.views.render_error_page): the front pages.
            with override(code):
                return item_url("overview")
        url = same_page_in(request.path, code)
        if request.GET and code != current_language:
            url = f"{url}?{request.GET.urlencode()}"
        return url

    alternates = language_alternates(same_page)

    section = _section(getattr(request, "resolver_match", None))
    navigation = []
    for name, url_name, label in NAVIGATION:
        url = item_url(url_name)
        current = None
        if name == section:
            current = "page" if url == request.path else "true"
        navigation.append({"url": url, "label": label, "current": current})

    try:
        origin = f"{request.scheme}://{request.get_host()}"
    except DisallowedHost:
        # Rendering the 400 page for a request with a foreign Host header.
        origin = ""
    return {
        "language_alternates": alternates,
        "navigation": navigation,
        "canonical_url": origin + request.path,
        "origin": origin,
    }
