from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape

from agreements.models import BilateralAgreement
from centres.models import InnovationCentre
from ufm_intl.models import Page


class I18nSitemap(Sitemap):
    """Every URL in both languages, each with its hreflang alternates."""

    i18n = True
    alternates = True
    x_default = True


class StaticSitemap(I18nSitemap):
    def items(self):
        return ["centres:list", "agreements:list", "countries", "contacts:list"]

    def location(self, item):
        return reverse(item)


class PageSitemap(I18nSitemap):
    def items(self):
        return Page.objects.published()

    def lastmod(self, obj):
        return obj.updated_at


class CentreSitemap(I18nSitemap):
    def items(self):
        return InnovationCentre.objects.published()

    def lastmod(self, obj):
        return obj.updated_at


class AgreementSitemap(I18nSitemap):
    def items(self):
        return BilateralAgreement.objects.published()

    def lastmod(self, obj):
        return obj.updated_at


class CountrySitemap(I18nSitemap):
    def items(self):
        agreements = BilateralAgreement.objects.published().order_by().values_list("country", flat=True)
        centres = InnovationCentre.objects.published().order_by().values_list("country", flat=True)
        return sorted(agreements.union(centres))  # one query; the union has each country once

    def location(self, code):
        return reverse("country", kwargs={"code": code.lower()})


sitemaps = {
    "pages": PageSitemap,
    "sections": StaticSitemap,
    "centres": CentreSitemap,
    "agreements": AgreementSitemap,
    "countries": CountrySitemap,
}


def sitemap(request):
    """``/sitemap.xml``: the same document as Django's sitemap view with these sitemaps, made faster.

    Django's view activates a language for every address of every item and renders a template loop
    per address: about 0.3 s with 10,000 agreements. Here each sitemap's items are read once, every
    address is made under each language once, and the XML is written directly.
    """
    page = request.GET.get("p", "1")
    if not (page.isascii() and page.isdigit() and int(page) == 1):
        raise Http404("There is one page of sitemap.")  # Django's view: "Page 2 empty", "No page 'x'"
    origin = f"{request.scheme}://{request.get_host()}"
    languages = [code for code, _name in settings.LANGUAGES]
    parts = []
    for sitemap_class in sitemaps.values():
        site = sitemap_class()
        items = list(site.items())
        locations = {}
        for language in languages:
            with translation.override(language):
                locations[language] = [origin + site.location(item) for item in items]
        has_lastmod = hasattr(site, "lastmod")
        for index, item in enumerate(items):
            lastmod = ""
            changed = site.lastmod(item) if has_lastmod else None
            if changed is not None:
                lastmod = f"<lastmod>{timezone.localtime(changed).date().isoformat()}</lastmod>"
            alternates = "".join(
                f'<xhtml:link rel="alternate" hreflang="{language}" href="{escape(locations[language][index])}"/>'
                for language in languages
            )
            default = locations[settings.LANGUAGE_CODE][index].replace(f"/{settings.LANGUAGE_CODE}/", "/", 1)
            alternates += f'<xhtml:link rel="alternate" hreflang="x-default" href="{escape(default)}"/>'
            for language in languages:
                parts.append(f"<url><loc>{escape(locations[language][index])}</loc>{lastmod}{alternates}</url>")
    body = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
        + "".join(parts)
        + "\n</urlset>\n"
    )
    response = HttpResponse(body, content_type="application/xml")
    response["X-Robots-Tag"] = "noindex, noodp, noarchive"
    return response
