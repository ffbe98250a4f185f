"""Pages are cached per language, revalidated with ETags, and any content change shows at once."""

import time

from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import DatabaseError, close_old_connections

from agreements.models import BilateralAgreement, FundingPartner
from centres.models import FocusArea, InnovationCentre
from publishing import versions
from publishing.cache import warm
from ufm_intl import warmup
from ufm_intl.warmup import main_paths, warm_before_serving


def test_a_cached_page_costs_one_query(seeded, client, django_assert_num_queries):
    first = client.get("/en/agreements/")
    assert first.status_code == 200
    with django_assert_num_queries(1):  # the content version
        second = client.get("/en/agreements/")
        assert second.status_code == 200
    assert second.content == first.content
    assert second["ETag"] == first["ETag"]


def test_conditional_get_answers_304(seeded, client):
    etag = client.get("/en/centres/")["ETag"]

    response = client.get("/en/centres/", HTTP_IF_NONE_MATCH=etag)

    assert response.status_code == 304
    assert response.content == b""
    assert "no-cache" in response["Cache-Control"]


def test_languages_are_cached_separately(seeded, client):
    english = client.get("/api/v1/agreements/?q=Germany").json()
    danish = client.get("/api/v1/agreements/?q=Germany", HTTP_ACCEPT_LANGUAGE="da").json()
    assert english["results"][0]["title"] == "Bilateral agreement with Germany"
    assert danish["results"][0]["title"] == "Bilateral aftale med Tyskland"


def test_any_content_change_invalidates_at_once(seeded, client):
    etag = client.get("/en/agreements/south-korea/")["ETag"]
    assert 'href="/en/countries/jp/"' in client.get("/en/").content.decode()

    partner = FundingPartner.objects.get()
    partner.name_en = "Innovation Fund Denmark (IFD)"
    partner.save()

    response = client.get("/en/agreements/south-korea/", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert "Innovation Fund Denmark (IFD)" in response.content.decode()

    centre = InnovationCentre.objects.get(slug="seoul")
    centre.focus_areas.set(FocusArea.objects.filter(slug="health-and-biotechnology"))
    assert "Health and biotechnology" in client.get("/en/centres/seoul/").content.decode()
    centre.focus_areas.clear()
    response = client.get("/en/centres/seoul/")
    assert response.status_code == 200
    assert "Health and biotechnology" not in response.content.decode()

    BilateralAgreement.objects.get(slug="japan").delete()
    response = client.get("/en/")
    assert response.status_code == 200
    assert 'href="/en/countries/jp/"' not in response.content.decode()


def test_editors_are_never_served_a_cached_page(seeded, visitor, editor_client):
    visitor.get("/en/centres/")
    response = editor_client.get("/en/centres/")
    assert response.status_code == 200
    assert "private" in response["Cache-Control"]
    assert "ETag" not in response


def test_warming_fills_the_cache_with_the_main_pages(seeded, client, django_assert_max_num_queries):
    # As the test client does: the test's transaction must survive the end of each request.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        # Seven pages in each language, the three API lists and the sitemap.
        assert warm("http://testserver", main_paths(), WSGIHandler()) == 18
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)

    for path in main_paths():
        with django_assert_max_num_queries(1):  # the content version: answered from the cache
            assert client.get(path).status_code == 200


def test_warming_stops_at_the_first_server_error():
    asked = []

    def database_down(environ, start_response):
        asked.append(environ["PATH_INFO"])
        start_response("503 Service Unavailable", [("Retry-After", "10")])
        return [b"down"]

    assert warm("https://example.dk", ["/en/", "/en/agreements/", "/da/"], database_down) == 0
    assert asked == ["/en/"]


def test_the_app_server_does_not_wait_for_each_page_when_the_database_cannot_be_reached(settings, monkeypatch):
    settings.PAGE_CACHE_WARM_ORIGIN = "https://example.dk"
    asked = []

    def database_down():
        asked.append("version")
        raise DatabaseError("connection refused")

    monkeypatch.setattr(versions, "current", database_down)

    assert warm_before_serving(WSGIHandler()) == 0
    assert asked == ["version"]  # one connect timeout, not one per page


def test_workers_forked_right_after_the_warm_up_do_not_warm_again(settings, monkeypatch):
    # They were forked with the pages (or find them in Redis): warming them again in every worker would
    # only compete with the first visitors for the processor.
    settings.PAGE_CACHE_WARM_ORIGIN = "https://example.dk"
    monkeypatch.setattr(warmup, "warm", lambda origin, paths, application: len(paths))
    monkeypatch.setattr(warmup, "_warmed_at", time.monotonic())
    assert warmup.warm_in_background(WSGIHandler()) is None

    # A worker started long after (gunicorn recycles them) warms them in the background.
    monkeypatch.setattr(warmup, "_warmed_at", time.monotonic() - warmup.WARM_AGAIN_AFTER_SECONDS - 1)
    thread = warmup.warm_in_background(WSGIHandler())
    assert thread is not None
    thread.join()


def test_the_warm_up_compiles_the_project_templates_for_the_workers(seeded, settings, monkeypatch):
    compiled = []
    monkeypatch.setattr(warmup, "get_template", lambda name: compiled.append(name))
    warmup.compile_templates()
    assert {"base.html", "agreements/bilateralagreement_list.html", "publishing/admin/object_history_list.html"} <= set(
        compiled
    )


def test_a_new_worker_connects_before_its_first_visitor_and_starts_even_without_a_database(db, monkeypatch, caplog):
    asked = []
    monkeypatch.setattr(versions, "current", lambda: asked.append("version") or 1)
    warmup.connect()
    assert asked == ["version"]

    def database_down():
        raise DatabaseError("connection refused")

    monkeypatch.setattr(versions, "current", database_down)
    warmup.connect()  # the worker starts; its requests answer 503 or from the cache until the database is back
    assert "cannot be reached" in caplog.text
