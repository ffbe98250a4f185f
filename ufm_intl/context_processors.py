from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext_lazy as _

from publishing.addresses import item_url, same_page_in

NAVIGATION = [
    ("overview", "overview", _("Overview")),
    ("centres", "centres:list", _("Innovation Centres")),
    ("agreements", "agreements:list", _("Agreements")),
    ("programmes", "programmes", _("Programmes")),
    ("contacts", "contacts:list", _("Contacts")),
]


def _section(match):
    if match is None:
        return None
    return match.namespace or match.url_name


def site(request):
    """Site chrome: the main menu, and the same page in each language (switcher and hreflang)."""
    current_language = get_language()
    alternates = []
    for code, _name in settings.LANGUAGES:
        url = same_page_in(request.path, code)
        if request.GET and code != current_language:
            url = f"{url}?{request.GET.urlencode()}"
        alternates.append(
            {
                "code": code,
                "name": get_language_info(code)["name_local"],
                "url": url,
                "is_current": code == current_language,
            }
        )

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
