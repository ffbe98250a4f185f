from agreements.forms import AgreementSearchForm
from agreements.models import BilateralAgreement
from publishing.api import api_view, country, error, paginated_response


def iso_date(value):
    return value.isoformat() if value else None


def serialise_agreement(request, agreement):
    status = agreement.status
    return {
        "slug": agreement.slug,
        "title": agreement.title,
        "country": country(agreement.country),
        "funding_partners": [{"slug": p.slug, "name": p.name} for p in agreement.funding_partner_list],
        "status": {"code": status.value, "name": str(status.label)} if status else None,
        "signed_on": iso_date(agreement.signed_on),
        "in_force_from": iso_date(agreement.in_force_from),
        "valid_until": iso_date(agreement.valid_until),
        "url": request.build_absolute_uri(agreement.get_absolute_url()),
    }


@api_view
def agreement_list(request):
    """GET /api/v1/agreements/?q=<country>&funder=<slug>&region=<region>&activity=<slug>&page=<n>"""
    form = AgreementSearchForm(request.GET)
    if not form.is_valid():
        return error(form.error_text())
    queryset = form.filter(BilateralAgreement.objects.published().for_listing().by_title())
    return paginated_response(request, queryset, form.cleaned_data.get("page"), serialise_agreement)
