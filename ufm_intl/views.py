import logging

from django.conf import settings
from django.contrib import admin
from django.core.cache import cache
from django.db import DatabaseError, connections
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language, get_language_from_request
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from django.views.generic import TemplateView
from django_countries import countries

from agreements.downloads import AGREEMENTS
from agreements.models import BilateralAgreement
from centres.downloads import CENTRES
from centres.models import InnovationCentre
from contacts.downloads import CONTACTS
from contacts.models import ContactPerson
from publishing.api import error as api_error
from publishing.cache import cache_public_page, request_language
from publishing.country_search import country_name, country_named, known_aliases
from publishing.outages import is_api_path
from publishing.pagination import query_without_page
from publishing.redirects import register_page_check
from publishing.views import latest_change, render_error_page
from ufm_intl.forms import SiteSearchForm
from ufm_intl.models import Initiative, Page
from ufm_intl.search import MAX_PAGES, site_search

logger = logging.getLogger(__name__)


class PageView(TemplateView):
    """A page whose text editors keep in the admin (the Page model)."""

    page_key = None

    def get_page(self):
        return get_object_or_404(Page.objects.visible_to(self.request.user), key=self.page_key)

    def get_context_data(self, **kwargs):
        page = self.get_page()
        return super().get_context_data(page=page, last_modified=page.updated_at, **kwargs)


class OverviewView(PageView):
    template_name = "ufm_intl/overview.html"
    page_key = Page.Key.OVERVIEW

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        initiatives = list(Initiative.objects.published())
        centres = list(InnovationCentre.objects.published())
        contacts = list(ContactPerson.objects.published())
        # One link per country, so the overview stays the same size however many agreements there are.
        agreement_countries, agreements_changed = (
            BilateralAgreement.objects.published().countries_by_name_and_latest_change()
        )
        shown = [context["page"], *initiatives, *centres, *contacts]
        context.update(
            initiatives=initiatives,
            centres=centres,
            agreement_countries=agreement_countries,
            contacts=contacts,
            # What the page shows is already loaded; only the agreements need asking.
            last_modified=latest_change(*shown, agreements_changed),
        )
        return context


class ProgrammesView(PageView):
    template_name = "ufm_intl/programmes.html"
    page_key = Page.Key.PROGRAMMES

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        programmes = list(Initiative.objects.published().programmes())
        contacts = list(ContactPerson.objects.published())
        context.update(
            programmes=programmes,
            contacts=contacts,
            last_modified=latest_change(context["page"], *programmes, *contacts),
        )
        return context


class AccessibilityView(PageView):
    template_name = "ufm_intl/accessibility.html"
    page_key = Page.Key.ACCESSIBILITY


class DataView(PageView):
    """The downloadable files and their columns; the text above them, with the terms of reuse, is the editors'."""

    template_name = "ufm_intl/data.html"
    page_key = Page.Key.DATA

    def get_context_data(self, **kwargs):
        return super().get_context_data(datasets=[AGREEMENTS, CENTRES, CONTACTS], **kwargs)


class SiteSearchView(TemplateView):
    """The site-wide search (ufm_intl/search.py). Bad input answers 400 with the form's message, as on the
    agreements page."""

    template_name = "ufm_intl/search.html"

    def get(self, request, *args, **kwargs):
        form = SiteSearchForm(request.GET)
        context = {"form": form}
        status = 200
        if form.is_valid():
            query = form.cleaned_data["q"]
            page = form.cleaned_data.get("page") or 1
            language = get_language() if get_language() in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
            if page > MAX_PAGES and query and site_search(query, language, MAX_PAGES).has_next:
                context["error"] = _(
                    "Only the first %(pages)s pages of results are shown. Add words to narrow the search."
                ) % {"pages": MAX_PAGES}
                status = 400
            elif page > MAX_PAGES:
                context["error"] = _("There is no page %(number)s of results for this search.") % {"number": page}
                status = 400
            elif query:
                found = site_search(query, language, page)
                if page > 1 and not found.results:
                    context["error"] = _("There is no page %(number)s of results for this search.") % {"number": page}
                    status = 400
                else:
                    context.update(query=query, found=found, query_without_page=query_without_page(request))
                    if not found.results:
                        context["countries_with_agreements"] = (
                            BilateralAgreement.objects.published().countries_by_name()
                        )
        else:
            context["error"] = form.error_text()
            status = 400
        return self.render_to_response(self.get_context_data(**context), status=status)


class CountryView(TemplateView):
    """Everything the portal has about one country: its agreement, centres, funding and contacts."""

    template_name = "ufm_intl/country.html"

    def get(self, request, *args, **kwargs):
        code = kwargs["code"]
        if code != code.lower():
            return redirect("country", code=code.lower(), permanent=True)
        if code.upper() not in countries:
            # An address with the country's name, as people write it: /en/countries/south-korea/.
            # Not permanent: the editors' aliases may change what a name leads to.
            named = country_named(code, known_aliases())
            if named:
                return redirect("country", code=named.lower())
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        code = kwargs.pop("code").upper()
        if code not in countries:
            raise Http404
        agreements = list(BilateralAgreement.objects.visible_to(self.request.user).for_country(code).with_related())
        centres = list(InnovationCentre.objects.visible_to(self.request.user).for_country(code).for_listing())
        if not agreements and not centres:
            raise Http404
        funding_partners = {partner for agreement in agreements for partner in agreement.funding_partner_list}
        return super().get_context_data(
            code=code,
            country_name=country_name(code),
            agreements=agreements,
            centres=centres,
            funding_partners=sorted(funding_partners, key=str),
            contacts=ContactPerson.objects.published(),
            last_modified=latest_change(*agreements, *centres),
            **kwargs,
        )


class CountryListView(TemplateView):
    """The countries the portal has something about: an agreement, an Innovation Centre or both."""

    template_name = "ufm_intl/country_list.html"

    def get_context_data(self, **kwargs):
        # The agreements' countries and their latest change, in one query.
        named_codes, agreements_changed = BilateralAgreement.objects.published().countries_by_name_and_latest_change()
        agreement_countries = {code for _name, code in named_codes}
        centres_by_country = {}
        for centre in InnovationCentre.objects.published():
            centres_by_country.setdefault(centre.country.code, []).append(centre)
        codes = agreement_countries | set(centres_by_country)
        rows = [
            {
                "code": code,
                "name": country_name(code),
                "has_agreement": code in agreement_countries,
                "centres": centres_by_country.get(code, []),
            }
            for code in codes
        ]
        return super().get_context_data(
            countries=sorted(rows, key=lambda row: row["name"]),
            last_modified=latest_change(*(centre for row in rows for centre in row["centres"]), agreements_changed),
            **kwargs,
        )


overview = cache_public_page(OverviewView.as_view())
countries_list = cache_public_page(CountryListView.as_view())
programmes = cache_public_page(ProgrammesView.as_view())
accessibility = cache_public_page(AccessibilityView.as_view())
data = cache_public_page(DataView.as_view())
site_search_page = cache_public_page(SiteSearchView.as_view())
country = cache_public_page(CountryView.as_view())


def country_has_page(code):
    """Whether a country's page (and feed) has something to show, drafts included: an address an editor
    may redirect to."""
    code = code.upper() if code.upper() in countries else country_named(code, known_aliases())
    return bool(code) and any(
        model.objects.for_country(code).exists() for model in (BilateralAgreement, InnovationCentre)
    )


register_page_check("country", country_has_page)
# The feed answers to the country's code only, not to its name.
register_page_check("country-feed", lambda code: code.upper() in countries and country_has_page(code))


@require_safe
def robots_txt(request):
    # Search results are endless variations of pages that crawlers reach anyway through the sitemap.
    searches = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            searches.append(f"Disallow: {reverse('search')}")
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        *searches,
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@never_cache
@require_safe
def healthz(request):
    """For load balancers: 503 when this instance cannot serve pages (the database is down), else 200.

    Each dependency's state is listed; without the cache the portal still serves every page, only
    slower, so that is "degraded" rather than down.
    """
    status = {"database": "ok", "cache": "ok"}
    try:
        with connections["default"].cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        logger.warning("Health check: the database cannot be reached")
        status["database"] = "unavailable"
    try:
        cache.set("healthz", "ok", 5)
        if cache.get("healthz") != "ok":
            status["cache"] = "unavailable"
    except Exception:  # Any cache backend error means the cache is not usable.
        logger.warning("Health check: the cache cannot be reached")
        status["cache"] = "unavailable"
    if status["database"] != "ok":
        status["status"] = "unavailable"
    else:
        status["status"] = "ok" if status["cache"] == "ok" else "degraded"
    return JsonResponse(status, status=503 if status["status"] == "unavailable" else 200)


def root(request):
    """/ sends the visitor to their language (from the browser, or the language they chose before)."""
    language = get_language_from_request(request)
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    response = redirect(f"/{language}/")
    response["Vary"] = "Accept-Language, Cookie"
    return response


def page_not_found(request, exception=None):
    if is_api_path(request.path_info):
        # In the language the API answers in: ?lang=, else the browser's.
        with translation.override(request_language(request)):
            return api_error(_("There is no such address in the API."), status=404)
    return render_error_page(request, "404.html", status=404)


def permission_denied(request, exception=None):
    """403: in the admin's own layout for editors (an action their group does not allow), else the site's."""
    if request.path_info.startswith("/admin/") and getattr(request, "user", None) and request.user.is_staff:
        # With the admin's own context: its name in the title and header, as on its other pages.
        context = admin.site.each_context(request) | {"title": _("Not allowed")}
        return render(request, "admin/403.html", context, status=403)
    return render_error_page(request, "403.html", status=403)


def bad_request(request, exception=None):
    return render_error_page(request, "400.html", status=400)


def server_error(request):
    if is_api_path(request.path_info):
        with translation.override(request_language(request)):
            return api_error(_("Sorry, there is a problem with the service."), status=500)
    # Rendered without database access, so it works when the database is the problem.
    return render_error_page(request, "500.html", status=500)


def csrf_failure(request, reason=""):
    """403 when a form comes back without its security token (CSRF_FAILURE_VIEW): in the layout, saying
    what to do, rather than Django's technical page. Most often the form's page was open too long, or
    the browser blocks cookies."""
    return render_error_page(request, "403_csrf.html", status=403)
