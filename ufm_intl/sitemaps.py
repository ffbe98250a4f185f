from django.contrib.sitemaps import Sitemap
from django.urls import reverse

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
        codes = set(BilateralAgreement.objects.published().countries())
        codes |= set(InnovationCentre.objects.published().values_list("country", flat=True))
        return sorted(codes)

    def location(self, code):
        return reverse("country", kwargs={"code": code.lower()})


sitemaps = {
    "pages": PageSitemap,
    "sections": StaticSitemap,
    "centres": CentreSitemap,
    "agreements": AgreementSitemap,
    "countries": CountrySitemap,
}
