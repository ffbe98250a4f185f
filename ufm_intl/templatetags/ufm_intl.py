import json

from django import template
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.safestring import SafeString

from agreements.models import BilateralAgreement
from centres.models import InnovationCentre
from publishing import richtext
from ufm_intl.models import Initiative

register = template.Library()


# Centres and agreements link to each other through the country they share. The two apps never import
# each other: the site gathers them here.


@register.simple_tag
def agreements_with(country):
    """The published agreements with a country: ``{% agreements_with centre.country as agreements %}``."""
    return BilateralAgreement.objects.published().for_country(country)


@register.simple_tag
def centres_in(country):
    """The published Innovation Centres in a country: ``{% centres_in agreement.country as centres %}``."""
    return InnovationCentre.objects.published().for_country(country)


@register.simple_tag
def initiative(kind):
    """The published initiative of a kind, whose text introduces that kind's list page.

    ``{% initiative "centres" as intro %}``: what the source says of the centres or the agreements as a
    group is said once, there, rather than on every centre or agreement.
    """
    return Initiative.objects.published().of_kind(kind).first()


# Editors' rich text, cleaned again on the way out (the same rules as on the way in; publishing/richtext.py).
register.filter("rich_text", richtext.rich_text, is_safe=True)


@register.simple_tag
def time_element(date):
    """A date as ``<time datetime="2026-11-28">28. november 2026</time>``, for use inside a sentence."""
    return format_html('<time datetime="{}">{}</time>', date.isoformat(), date_format(date, "DATE_FORMAT"))


# Inside <script>, these characters could end the element or start markup; JSON allows escaping them.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def json_ld(data):
    # The JSON is escaped for a script element above, so nothing an editor typed can close the element.
    text = SafeString(json.dumps(data, ensure_ascii=False).translate(_SCRIPT_ESCAPES))
    return format_html('<script type="application/ld+json">{}</script>', text)


@register.simple_tag(takes_context=True)
def centres_json_ld(context, centres):
    """schema.org descriptions of one centre or a list of centres, for search engines."""
    if not isinstance(centres, (list, tuple)) and not hasattr(centres, "__iter__"):
        centres = [centres]
    origin = context.get("origin", "")
    items = []
    for centre in centres:
        item = {
            "@context": "https://schema.org",
            "@type": "GovernmentOffice",
            "name": centre.name,
            "description": centre.summary,
            "url": origin + centre.get_absolute_url(),
            "address": {
                "@type": "PostalAddress",
                "addressLocality": centre.city,
                "addressCountry": centre.country.code,
            },
        }
        if centre.latitude is not None and centre.longitude is not None:
            item["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": float(centre.latitude),
                "longitude": float(centre.longitude),
            }
        if richtext.safe_url(centre.website):
            item["sameAs"] = richtext.safe_url(centre.website)
        items.append(item)
    return json_ld(items if len(items) != 1 else items[0])
