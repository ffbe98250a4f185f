from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from agreements import api as agreements_api
from centres import api as centres_api
from contacts import api as contacts_api
from publishing.cache import cache_public_page
from ufm_intl import two_factor, views
from ufm_intl.feeds import CountryFeed, SiteFeed
from ufm_intl.login import AdminLoginForm
from ufm_intl.sitemaps import sitemap

admin.site.site_header = _("International cooperation – editorial admin")
admin.site.site_title = _("International cooperation")
admin.site.index_title = _("Content")
admin.site.login_form = AdminLoginForm
admin.site.login_template = "admin/ufm_login.html"

handler400 = "ufm_intl.views.bad_request"
handler403 = "ufm_intl.views.permission_denied"
handler404 = "ufm_intl.views.page_not_found"
handler500 = "ufm_intl.views.server_error"

urlpatterns = [
    path("", views.root, name="root"),
    # Before the admin's own URLs, which would answer this address with a 404.
    path("admin/two-factor/", admin.site.admin_view(two_factor.enrol), name="two-factor"),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v1/agreements/", agreements_api.agreement_list, name="api-agreements"),
    path("api/v1/centres/", centres_api.centre_list, name="api-centres"),
    path("api/v1/contacts/", contacts_api.contact_list, name="api-contacts"),
    path(
        "sitemap.xml",
        # For search engines, costly with many items: a copy up to five minutes old will do.
        cache_public_page(require_safe(sitemap), refresh_seconds=300),
        name="sitemap",
    ),
    path("robots.txt", views.robots_txt, name="robots"),
    path("healthz", views.healthz, name="healthz"),
]

urlpatterns += i18n_patterns(
    path("", views.overview, name="overview"),
    path(_("centres/"), include("centres.urls")),
    path(_("agreements/"), include("agreements.urls")),
    path(_("countries/"), views.countries_list, name="countries"),
    path(_("countries/<str:code>/"), views.country, name="country"),
    path(_("countries/<str:code>/feed/"), cache_public_page(require_safe(CountryFeed())), name="country-feed"),
    path(_("contacts/"), include("contacts.urls")),
    path(_("programmes/"), views.programmes, name="programmes"),
    path(_("accessibility/"), views.accessibility, name="accessibility"),
    path(_("search/"), views.site_search_page, name="search"),
    path(_("data/"), views.data, name="data"),
    path(_("feed/"), cache_public_page(require_safe(SiteFeed())), name="feed"),
)
