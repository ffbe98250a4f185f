"""Read-replica routing: public page reads go to the replica, everything else to the primary."""

from django.db import connections
from django.db.utils import ConnectionHandler
from django.test import Client
from django.test.utils import CaptureQueriesContext

from publishing import cache, scheduling, versions
from publishing.routers import ReplicaRouter, public_reads


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
    settings.DATABASE_ROUTERS = ["tests.publishing.test_routers.RecordingRouter"]
    # The next scheduled time is looked up on the primary, once per content version: not a page read.
    scheduling.next_scheduled_change(versions.current())
    RecordingRouter.routed.clear()

    assert Client().get("/en/agreements/?q=Germany").status_code == 200
    assert ("agreements.BilateralAgreement", "replica") in RecordingRouter.routed
    assert ("agreements.BilateralAgreement", "default") not in RecordingRouter.routed

    RecordingRouter.routed.clear()
    assert editor_client.get("/en/agreements/germany/").status_code == 200
    assert RecordingRouter.routed and {db for _, db in RecordingRouter.routed} == {"default"}


def lagging_replica(path, version):
    """A replica database that holds the content version ``version`` (the rest of its data is not read)."""
    replica = ConnectionHandler({"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": str(path)}})["default"]
    with replica.cursor() as cursor:
        cursor.execute("CREATE TABLE IF NOT EXISTS publishing_contentversion (id integer PRIMARY KEY, version bigint)")
        cursor.execute("INSERT OR REPLACE INTO publishing_contentversion (id, version) VALUES (1, %s)", [version])
    return replica


def test_a_page_read_from_a_replica_behind_the_version_is_answered_but_not_cached(
    seeded, client, monkeypatch, tmp_path, django_assert_max_num_queries
):
    version = versions.read(connections["default"])
    replica = lagging_replica(tmp_path / "replica.sqlite3", version - 1)
    monkeypatch.setattr(cache, "connections", {"default": connections["default"], "replica": replica})
    try:
        for _ in range(2):
            with CaptureQueriesContext(connections["default"]) as rendered:
                response = client.get("/en/programmes/")
            assert response.status_code == 200
            assert "Partnership agreements for research stays" in response.content.decode()
            assert len(rendered) > 1, "rendered anew: the copy read behind the version was not kept"

        lagging_replica(tmp_path / "replica.sqlite3", version)  # the replica catches up
        assert client.get("/en/programmes/").status_code == 200
        with django_assert_max_num_queries(1):  # now served from the cache
            assert client.get("/en/programmes/").status_code == 200
    finally:
        replica.close()
