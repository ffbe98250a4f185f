"""The published Innovation Centres as CSV and JSON files."""

from django.utils.translation import gettext_lazy as _

from centres.models import InnovationCentre
from publishing.country_search import country_name
from publishing.downloads import Column, Dataset, download_views, listed, page_url


def _coordinate(value):
    return None if value is None else float(value)


CENTRES = Dataset(
    title=_("Innovation Centres"),
    list_url_name="centres:list",
    csv_url_name="centres:csv",
    json_url_name="centres:json",
    filename="centres",
    columns=[
        Column("slug", _("The centre's identifier, as in its address on this website."), lambda r, c: c.slug),
        Column("name", _("The centre's name."), lambda r, c: c.name),
        Column("city", _("The city the centre is in."), lambda r, c: c.city),
        Column("country_code", _("The country's two-letter ISO 3166-1 code, e.g. DE."), lambda r, c: c.country.code),
        Column("country_name", _("The country's name."), lambda r, c: country_name(c.country.code)),
        Column(
            "focus_areas",
            listed(_("The centre's focus areas")),
            lambda r, c: [area.name for area in c.focus_area_list],
        ),
        Column("website", _("The centre's own website; empty when not stated."), lambda r, c: c.website),
        Column(
            "latitude",
            _("Where the centre is, in decimal degrees north (negative: south); empty when not stated."),
            lambda r, c: _coordinate(c.latitude),
        ),
        Column(
            "longitude",
            _("Where the centre is, in decimal degrees east (negative: west); empty when not stated."),
            lambda r, c: _coordinate(c.longitude),
        ),
        Column("summary", _("One or two sentences about the centre."), lambda r, c: c.summary),
        Column("url", _("The centre's page on this website."), page_url),
    ],
)


def published_centres(request):
    return InnovationCentre.objects.published().for_listing()


centres_csv, centres_json = download_views(CENTRES, published_centres)
