"""The site's Atom feeds (publishing/feeds.py): everything, and one per country.

``/en/feed/`` (``/da/feed/``) has every new item and published change note of the portal;
``/en/countries/de/feed/`` (``/da/lande/de/feed/``) those of the agreements and Innovation Centres with
that country, like the country page it belongs to. Each page's ``<head>`` links the feed that fits it.
"""

from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext
from django_countries import countries

from agreements.models import BilateralAgreement
from centres.models import InnovationCentre
from publishing.country_search import country_name
from publishing.feeds import ChangesFeed
from publishing.models import EditorialModel
from publishing.registry import content_models


class SiteFeed(ChangesFeed):
    """Every registered content model with drafts and a publishing window, so every new kind of
    content is in the feed once it is registered."""

    def title(self):
        return gettext("International cooperation: new and changed content")

    def link(self):
        return reverse("overview")

    def feed_key(self, obj):
        return "feed"

    def querysets(self, obj):
        return [model.objects.published() for model in content_models() if issubclass(model, EditorialModel)]


class CountryFeed(ChangesFeed):
    """The agreements and Innovation Centres with one country, as on its country page. A country the
    portal has nothing public about has no feed (404), as it has no page."""

    def __call__(self, request, code):
        if code != code.lower():
            return redirect("country-feed", code=code.lower(), permanent=True)
        return super().__call__(request, code=code)

    def get_object(self, request, code):
        code = code.upper()
        if code not in dict(countries):
            raise Http404
        if not any(queryset.exists() for queryset in self.querysets(code)):
            raise Http404
        return code

    def querysets(self, code):
        return [
            BilateralAgreement.objects.published().for_country(code),
            InnovationCentre.objects.published().for_country(code),
        ]

    def title(self, code):
        return gettext("%(country)s: new and changed content") % {"country": country_name(code)}

    def link(self, code):
        return reverse("country", kwargs={"code": code.lower()})

    def feed_key(self, code):
        return f"countries/{code.lower()}/feed"
