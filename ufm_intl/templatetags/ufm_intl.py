import json

from django import template
from django.utils.formats import date_format
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext

from agreements.models import BilateralAgreement
from centres.models import InnovationCentre
from publishing import richtext
from publishing.addresses import item_url
from publishing.country_search import country_name
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


# The labels of the agreements' choices, looked up by value (Django's get_FOO_display() rebuilds the whole
# mapping on every call).
_REGION_LABELS = dict(BilateralAgreement._meta.get_field("region").flatchoices)
_SCOPE_LABELS = dict(BilateralAgreement._meta.get_field("scope").flatchoices)


@register.simple_tag
def agreement_card(agreement):
    """An agreement in a list: its title and link, country, region, scope, status and funding partners
    (read with ``for_listing()``).

    Written out here rather than in a template: the list shows up to 20 of them and the template
    engine's cost per row was the larger part of the page's render time.
    """
    status = agreement.status
    meta = [
        country_name(agreement.country.code),
        _REGION_LABELS.get(agreement.region, agreement.region),
        _SCOPE_LABELS.get(agreement.scope, agreement.scope),
    ]
    status_html = format_html(' · <span class="agreement-status">{}</span>', status.label) if status else ""
    partners = agreement.funding_partner_list
    partners_html = ""
    if partners:
        partners_html = format_html(
            '\n      <p class="meta"><span class="label">{}:</span> {}</p>\n      ',
            gettext("Funding partners"),
            format_html_join(", ", "{}", ((partner.name,) for partner in partners)),
        )
    return format_html(
        '<li class="card">\n      <h3><a href="{}">{}</a></h3>\n      <p class="meta">{}{}</p>\n      {}\n    </li>',
        agreement.get_absolute_url(),
        agreement.title,
        " · ".join(str(part) for part in meta),
        status_html,
        partners_html,
    )


@register.simple_tag
def centre_card(centre, heading_level=2):
    """A centre in a list: its name and link, city and country, and focus areas (read with ``for_listing()``;
    written out as ``agreement_card``)."""
    heading = "h3" if heading_level == 3 else "h2"
    areas = centre.focus_area_list
    areas_html = ""
    if areas:
        areas_html = format_html(
            '<p class="meta"><span class="label">{}:</span> {}</p>\n',
            gettext("Focus areas"),
            format_html_join(", ", "{}", ((area.name,) for area in areas)),
        )
    return format_html(
        '<{heading}><a href="{url}">{name}</a></{heading}>\n'
        '<p class="meta">{city}, <a href="{country_url}">{country}</a></p>\n{areas}',
        heading=heading,
        url=centre.get_absolute_url(),
        name=centre.name,
        city=centre.city,
        country_url=item_url("country", code=centre.country.code.lower()),
        country=country_name(centre.country.code),
        areas=areas_html,
    )


@register.simple_tag
def contact_card(person, show_vcard=False):
    """A contact person's card: name, job title, responsibilities, phone and email, and with
    ``show_vcard`` a link to the vCard (as ``agreement_card``: rendered for every card on many pages)."""
    details = []
    if person.phone:
        details.append(
            format_html(
                '<dt>{}</dt><dd><a href="tel:{}">{}</a></dd>', gettext("Phone"), person.phone_e164, person.phone_display
            )
        )
    if person.email:
        details.append(
            format_html('<dt>{}</dt><dd><a href="mailto:{}">{}</a></dd>', gettext("Email"), person.email, person.email)
        )
    vcard = ""
    if show_vcard:
        # As {% blocktranslate %}: the name is escaped, the translated sentence is ours.
        label = SafeString(gettext("Add %(name)s to your contacts (vCard)") % {"name": conditional_escape(person.name)})
        vcard = format_html('<p><a href="{}" download>{}</a></p>', item_url("contacts:vcard", slug=person.slug), label)
    return format_html(
        '<div class="contact-card" id="{slug}">\n  <p class="contact-name">{name}</p>\n  {title}\n  {responsibilities}\n'
        '  <dl class="contact-details">\n    {details}\n  </dl>\n  {vcard}\n</div>',
        slug=person.slug,
        name=person.name,
        title=format_html('<p class="contact-title">{}</p>', person.job_title) if person.job_title else "",
        responsibilities=format_html("<p>{}</p>", person.responsibilities) if person.responsibilities else "",
        details=format_html_join("\n    ", "{}", ((detail,) for detail in details)),
        vcard=vcard,
    )


@register.simple_tag
def search_result(result):
    """One result of the site search (ufm_intl/search.py): its kind, its linked title and its snippet, whose
    matching words are already marked (as ``agreement_card``: up to 50 of them on one page)."""
    return format_html(
        '<li>\n      <p class="result-kind">{kind}</p>\n      <h3><a href="{url}">{title}</a></h3>\n      {snippet}\n    </li>',
        kind=result.kind,
        url=result.url,
        title=result.title,
        snippet=format_html("<p>{}</p>", result.snippet) if result.snippet else "",
    )


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
