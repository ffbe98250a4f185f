"""The content version: read on every cached page view, moved forward by every content change.

Cached pages are keyed by it (publishing/cache.py); publishing/invalidation.py moves it forward in the
same transaction as each change. A bump sets the version to the larger of "one more" and the current
time in microseconds, so a version number is never used twice, even after a database is restored from
a backup taken at a lower number.

Reading it is usually free:

- On SQLite the database is a file on this machine: while neither it nor its write-ahead log has
  changed since the version was last read, the version has not changed either.
- On PostgreSQL each bump also sends ``NOTIFY ufm_content_version`` with the new number, delivered when
  the edit's transaction commits. Every worker process keeps one listening connection in a background
  thread and holds the latest number in memory. Until the listener is connected, whenever it loses
  its connection, and whenever it has not heard from the database for ``LISTENER_STALE_SECONDS`` (a
  stalled connection, not a closed one: it checks in every ``LISTENER_HEARTBEAT_SECONDS``), the version
  is read from the database: freshness never depends on the listener.
"""

import contextlib
import logging
import os
import threading
import time

from django.conf import settings
from django.db import connections, router
from django.db.models import F, Value
from django.db.models.functions import Greatest
from django.utils import timezone

from publishing.models import ContentVersion

logger = logging.getLogger(__name__)

CHANNEL = "ufm_content_version"
APPLICATION_NAME = "ufm-intl content version listener"


def _table(connection):
    return connection.ops.quote_name(ContentVersion._meta.db_table)


def _select(table):
    """The one statement that reads the version, from the workers and from the listener alike."""
    return f"SELECT version FROM {table} WHERE id = 1"  # noqa: S608 - the model's own table


def read(connection):
    """The version as stored: one plain SQL statement, always on the given (primary) connection."""
    with connection.cursor() as cursor:
        cursor.execute(_select(_table(connection)))
        row = cursor.fetchone()
    return row[0] if row else 0


def current():
    """The version now, asked on every cached page view; from the primary database, never a replica."""
    connection = connections["default"]
    if connection.vendor == "sqlite" and settings.CONTENT_VERSION_LISTENER:
        return _sqlite_version(connection)
    listened = _listened_version(connection)
    return listened if listened is not None else read(connection)


def age_seconds(version):
    """How long ago ``version`` was set, from the time it carries; very large for an old-style counter."""
    return time.time() - version / 1_000_000


def bump():
    """Move the version forward, in the current transaction; listeners hear of it when it commits."""
    database = router.db_for_write(ContentVersion)
    now = timezone.now()
    microseconds = int(now.timestamp() * 1_000_000)
    rows = ContentVersion.objects.using(database).filter(pk=1)
    if not rows.update(version=Greatest(F("version") + 1, Value(microseconds)), updated_at=now):
        ContentVersion.objects.using(database).get_or_create(pk=1, defaults={"version": microseconds})
    connection = connections[database]
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_notify(%s, %s)", [CHANNEL, str(read(connection))])


# --- SQLite: the file's state says whether the version may have changed ------------------------------

_sqlite_memo = (None, None)  # (file state, version)


def _sqlite_file_state(connection):
    name = str(connection.settings_dict["NAME"])
    if name == ":memory:" or name.startswith("file:") or not os.path.exists(name):
        return None
    state = []
    for path in (name, name + "-wal"):
        try:
            stat = os.stat(path)
        except FileNotFoundError:
            state.append(None)
        else:
            state.append((stat.st_mtime_ns, stat.st_size))
    return tuple(state)


def _sqlite_version(connection):
    global _sqlite_memo
    state = _sqlite_file_state(connection)  # taken before reading, so a write in between is noticed
    if state is not None and _sqlite_memo[0] == state:
        return _sqlite_memo[1]
    version = read(connection)
    if state is not None:
        _sqlite_memo = (state, version)
    return version


# --- PostgreSQL: one listening connection per worker process ----------------------------------------


# The listener checks in with the database this often, and its number is trusted only while it has
# heard from the database within the stale limit.
LISTENER_HEARTBEAT_SECONDS = 2.0
LISTENER_STALE_SECONDS = 6.0
# TCP keepalive, and a limit on each statement, so that a dead peer is noticed rather than waited on.
LISTENER_CONNECTION_OPTIONS = {
    "keepalives": 1,
    "keepalives_idle": 5,
    "keepalives_interval": 2,
    "keepalives_count": 2,
    "connect_timeout": 3,
    "options": "-c statement_timeout=2000",
}


class VersionListener(threading.Thread):
    def __init__(self, connection_params, table):
        super().__init__(name="content-version-listener", daemon=True)
        self.connection_params = connection_params
        self.table = table
        self._version = None
        self.heard_at = 0.0  # monotonic time the database last answered

    @property
    def version(self):
        """The latest version, or None when the database must be asked (not listening, or not heard from)."""
        if self._version is None or time.monotonic() - self.heard_at > LISTENER_STALE_SECONDS:
            return None
        return self._version

    def run(self):
        import psycopg

        while True:
            try:
                with psycopg.connect(
                    **(self.connection_params | LISTENER_CONNECTION_OPTIONS),
                    autocommit=True,
                    application_name=APPLICATION_NAME,
                ) as connection:
                    connection.execute(f"LISTEN {CHANNEL}")
                    while True:
                        # Read after LISTEN, so that no bump can fall between the two; then again at every
                        # heartbeat, which also proves the connection is alive.
                        row = connection.execute(_select(self.table)).fetchone()
                        # The stored number wins, even if lower: a restored database goes back in time.
                        self._version = row[0] if row else 0
                        self.heard_at = time.monotonic()
                        for notification in connection.notifies(timeout=LISTENER_HEARTBEAT_SECONDS):
                            self._version = max(self._version or 0, int(notification.payload))
                            self.heard_at = time.monotonic()
            except Exception:  # Any failure: fall back to reading the database, then reconnect.
                self._version = None
                logger.warning("Content version listener disconnected; reading the database until it is back")
                time.sleep(1)


_listener = None
_listener_pid = None
_lock = threading.Lock()
_listener_held_back = False


@contextlib.contextmanager
def without_listener():
    """Read the version from the database meanwhile, without starting a listener in this process.

    For a process that forks the ones that serve (gunicorn's master warming the cache): a listening
    thread there would only hold a connection nobody reads.
    """
    global _listener_held_back
    _listener_held_back = True
    try:
        yield
    finally:
        _listener_held_back = False


def _listened_version(connection):
    """The version from this process's listener, or None when the database must be asked."""
    global _listener, _listener_pid
    if _listener_held_back or not settings.CONTENT_VERSION_LISTENER or connection.vendor != "postgresql":
        return None
    if _listener_pid != os.getpid():
        # First call in this process (gunicorn forks workers after loading the app).
        with _lock:
            if _listener_pid != os.getpid():
                params = connection.get_connection_params()
                params.pop("cursor_factory", None)
                params.pop("context", None)
                params.pop("prepare_threshold", None)
                _listener = VersionListener(params, _table(connection))
                _listener.start()
                _listener_pid = os.getpid()
    return _listener.version
