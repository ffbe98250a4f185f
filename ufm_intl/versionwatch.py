"""Know the content version without asking the database on every request.

On SQLite the database is a file on this machine: while neither it nor its write-ahead log has
changed since the version was last read, the version has not changed either.

On PostgreSQL each bump of ufm_intl.ContentVersion also sends ``NOTIFY ufm_content_version`` with the
new number; PostgreSQL delivers it when the edit's transaction commits. Every worker process keeps one
listening connection in a background thread and holds the latest number in memory, so a cached page
costs no database round trip. Until the listener is connected, or whenever it loses its connection,
the version is read from the database as before: freshness never depends on the listener.
"""

import logging
import os
import threading
import time

from django.conf import settings
from django.db import connections

logger = logging.getLogger(__name__)

CHANNEL = "ufm_content_version"
APPLICATION_NAME = "ufm-intl content version listener"


class VersionListener(threading.Thread):
    def __init__(self, connection_params, table):
        super().__init__(name="content-version-listener", daemon=True)
        self.connection_params = connection_params
        self.table = table
        self.version = None  # None: not listening, ask the database

    def run(self):
        import psycopg

        while True:
            try:
                with psycopg.connect(
                    **self.connection_params, autocommit=True, application_name=APPLICATION_NAME
                ) as connection:
                    connection.execute(f"LISTEN {CHANNEL}")
                    # Read after LISTEN, so that no bump can fall between the two.
                    row = connection.execute(f"SELECT version FROM {self.table} WHERE id = 1").fetchone()  # noqa: S608
                    self.version = row[0] if row else 0
                    for notification in connection.notifies():
                        self.version = max(self.version or 0, int(notification.payload))
            except Exception:  # Any failure: fall back to reading the database, then reconnect.
                self.version = None
                logger.warning("Content version listener disconnected; reading the database until it is back")
                time.sleep(1)


_listener = None
_listener_pid = None
_lock = threading.Lock()


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


def known_version(model, read):
    """The content version, asking the database (``read(connection)``) only when it may have changed."""
    global _sqlite_memo
    connection = connections["default"]
    if connection.vendor == "sqlite" and settings.CONTENT_VERSION_LISTENER:
        state = _sqlite_file_state(connection)  # taken before reading, so a write in between is noticed
        if state is not None and _sqlite_memo[0] == state:
            return _sqlite_memo[1]
        version = read(connection)
        if state is not None:
            _sqlite_memo = (state, version)
        return version
    listened = listened_version(model, connection)
    return listened if listened is not None else read(connection)


def listened_version(model, connection):
    """The version from this process's listener, or None when the database must be asked."""
    global _listener, _listener_pid
    if not settings.CONTENT_VERSION_LISTENER or connection.vendor != "postgresql":
        return None
    if _listener_pid != os.getpid():
        # First call in this process (gunicorn forks workers after loading the app).
        with _lock:
            if _listener_pid != os.getpid():
                params = connection.get_connection_params()
                params.pop("cursor_factory", None)
                params.pop("context", None)
                params.pop("prepare_threshold", None)
                _listener = VersionListener(params, connection.ops.quote_name(model._meta.db_table))
                _listener.start()
                _listener_pid = os.getpid()
    return _listener.version


def notify(connection, read):
    """On PostgreSQL, announce the version just written (``read(connection)``); delivered at commit."""
    if connection.vendor == "postgresql":
        version = read(connection)
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_notify(%s, %s)", [CHANNEL, str(version)])
