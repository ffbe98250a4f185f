"""Read-replica routing: public page reads go to the replica, everything else to the primary."""

from django.test import Client

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
    RecordingRouter.routed.clear()

    assert Client().get("/en/agreements/?q=Germany").status_code == 200
    assert ("agreements.BilateralAgreement", "replica") in RecordingRouter.routed
    assert ("agreements.BilateralAgreement", "default") not in RecordingRouter.routed

    RecordingRouter.routed.clear()
    assert editor_client.get("/en/agreements/germany/").status_code == 200
    assert RecordingRouter.routed and {db for _, db in RecordingRouter.routed} == {"default"}
