"""The baseline: a bare Django view returning a fixed page of similar size. No database, no middleware.

Served by gunicorn exactly like the portal: gunicorn bench.bare:application
The page size comes from BARE_PAGE_BYTES (the benchmark sets it to the size of the portal's overview).
"""

import os

import django
from django.conf import settings
from django.http import HttpResponse
from django.urls import path

settings.configure(
    DEBUG=False,
    SECRET_KEY="bare-baseline-view",
    ALLOWED_HOSTS=["127.0.0.1", "localhost"],
    ROOT_URLCONF=__name__,
    MIDDLEWARE=[],
    INSTALLED_APPS=[],
    USE_I18N=False,
)
django.setup()


def _page(size):
    html = "<!DOCTYPE html><html lang='en'><head><title>Bare</title></head><body>"
    filler = "<p>" + "Lorem ipsum dolor sit amet. " * 20 + "</p>\n"
    while len(html) < size:
        html += filler
    return (html + "</body></html>").encode()


PAGE = _page(int(os.environ.get("BARE_PAGE_BYTES", "12000")))


def bare(request):
    return HttpResponse(PAGE, content_type="text/html; charset=utf-8")


urlpatterns = [path("", bare)]

from django.core.wsgi import get_wsgi_application  # noqa: E402

application = get_wsgi_application()
