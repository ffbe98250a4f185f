"""Send the reads of public pages to a read replica, when DATABASE_REPLICA_URL configures one.

Only reads made while answering an anonymous visitor's GET (see publishing.cache.cache_public_page) go
to the replica; the admin, writes and the content version always use the primary, so an editor never
reads a stale copy of what they just saved.
"""

import contextlib
import contextvars

_public_read = contextvars.ContextVar("public_read", default=False)


@contextlib.contextmanager
def public_reads():
    token = _public_read.set(True)
    try:
        yield
    finally:
        _public_read.reset(token)


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        return "replica" if _public_read.get() else "default"

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"
