"""The published agreements as CSV and JSON files, with the same search and filters as the agreements page."""

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from agreements.forms import AgreementSearchForm
from agreements.models import AgreementStatus, BilateralAgreement, Region
from publishing.country_search import country_name
from publishing.downloads import BadDownloadRequest, Column, Dataset, download_views, listed, page_url

AGREEMENTS = Dataset(
    title=_("Bilateral agreements"),
    list_url_name="agreements:list",
    csv_url_name="agreements:csv",
    json_url_name="agreements:json",
    filename="agreements",
    note=_(
        "The search and filters of the agreements page apply to the files too: the download links there give "
        "the agreements shown."
    ),
    columns=[
        Column("slug", _("The agreement's identifier, as in its address on this website."), lambda r, a: a.slug),
        Column("title", _("The agreement's title."), lambda r, a: a.title),
        Column(
            "country_code",
            _("The partner country's two-letter ISO 3166-1 code, e.g. DE."),
            lambda r, a: a.country.code,
        ),
        Column("country_name", _("The partner country's name."), lambda r, a: country_name(a.country.code)),
        Column(
            "region",
            format_lazy(_("The country's region in the UN M49 standard: {values}."), values=", ".join(Region.values)),
            lambda r, a: a.region,
        ),
        Column(
            "scope",
            format_lazy(_("What the agreement covers: {values}."), values=", ".join(BilateralAgreement.Scope.values)),
            lambda r, a: a.scope,
        ),
        Column(
            "funding_partners",
            listed(_("The funders of projects under the agreement")),
            lambda r, a: [partner.name for partner in a.funding_partner_list],
        ),
        Column(
            "activities",
            listed(_("The kinds of cooperation the agreement supports")),
            lambda r, a: [activity.name for activity in a.activities.all()],
        ),
        Column(
            "signed_on",
            _("The date the agreement was signed, as YYYY-MM-DD; empty when not stated."),
            lambda r, a: a.signed_on,
        ),
        Column(
            "valid_until",
            _("The last date the agreement is valid, as YYYY-MM-DD; empty when not stated."),
            lambda r, a: a.valid_until,
        ),
        Column("summary", _("One or two sentences about the agreement."), lambda r, a: a.summary),
        Column(
            "url",
            _("The agreement's page on this website."),
            page_url,
        ),
        Column(
            "in_force_from",
            _("The date the agreement took or takes effect, as YYYY-MM-DD; empty when not stated."),
            lambda r, a: a.in_force_from,
        ),
        Column(
            "status",
            format_lazy(
                _("Where the agreement stands today: {values}; empty when its dates are not stated."),
                values=", ".join(AgreementStatus.values),
            ),
            lambda r, a: a.status.value if a.status else None,
        ),
    ],
)


def published_agreements(request):
    """The agreements the agreements page would list for the same query string (all pages of it)."""
    form = AgreementSearchForm(request.GET)
    if not form.is_valid():
        raise BadDownloadRequest(form.error_text())
    return form.filter(BilateralAgreement.objects.published().with_related())


agreements_csv, agreements_json = download_views(AGREEMENTS, published_agreements)
