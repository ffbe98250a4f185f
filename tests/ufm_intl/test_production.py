"""Production concerns: health checks and read-replica routing."""

from unittest import mock

from django.db import OperationalError, connections
from django.test import Client

from publishing.routers import ReplicaRouter, public_reads


def test_healthz_reports_database_and_cache(db, client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_healthz_is_503_when_the_database_cannot_be_reached(db, client):
    with mock.patch.object(connections["default"], "cursor", side_effect=OperationalError("connection refused")):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "unavailable"


def test_router_sends_only_public_page_reads_to_the_replica():
    router = ReplicaRouter()
    assert router.db_for_read(None) == "default"
    with public_reads():
        assert router.db_for_read(None) == "replica"
        assert router.db_for_write(None) == "default"
    assert router.db_for_read(None) == "default"
    assert router.allow_migrate("replica", "agreements") is False


class RecordingRouter(ReplicaRouter):
    """Records where reads would go, but reads from the one test database."""

    routed = []

    def db_for_read(self, model, **hints):
        self.routed.append((model._meta.label, super().db_for_read(model, **hints)))
        return "default"


def test_public_pages_read_from_the_replica_and_editors_from_the_primary(seeded, editor_client, settings):
    settings.DATABASE_ROUTERS = ["tests.ufm_intl.test_production.RecordingRouter"]
    RecordingRouter.routed.clear()

    Client().get("/en/agreements/?q=Germany")
    assert ("agreements.BilateralAgreement", "replica") in RecordingRouter.routed
    assert ("agreements.BilateralAgreement", "default") not in RecordingRouter.routed

    RecordingRouter.routed.clear()
    editor_client.get("/en/agreements/germany/")
    assert RecordingRouter.routed and {db for _, db in RecordingRouter.routed} == {"default"}
