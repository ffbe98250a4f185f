"""gunicorn settings for production: gunicorn -c python:ufm_intl.gunicorn_conf ufm_intl.wsgi

Every value can be changed from the environment (WEB_CONCURRENCY, PORT, BIND, GUNICORN_TIMEOUT).
"""

import multiprocessing
import os

bind = os.environ.get("BIND", f"127.0.0.1:{os.environ.get('PORT', '8000')}")
# Sync workers: page views are short and mostly served from the cache.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
# Load the application once in the master and fork ready workers from it: a new or recycled worker
# answers at once instead of importing Django first. (No connection is opened before the fork.)
preload_app = True
keepalive = 5
# Recycle workers now and then so that a slow leak can never grow without bound, but rarely: a new
# worker starts with an empty local cache (when CACHE_URL names no shared cache). At 1,700 requests a
# second over five workers this is about once every five minutes per worker.
max_requests = int(os.environ.get("MAX_REQUESTS", "100000"))
max_requests_jitter = max_requests // 10
# Logs as key=value lines on stdout, like the application's own.
accesslog = "-"
errorlog = "-"
access_log_format = 'time=%(t)s level=INFO logger=gunicorn.access remote=%(h)s method=%(m)s path="%(U)s" query="%(q)s" status=%(s)s bytes=%(B)s duration_us=%(D)s agent="%(a)s"'
# Every value in an access-log line is escaped (control characters, quotes): a request cannot forge a
# line or a field (ufm_intl/logs.py).
logger_class = "ufm_intl.logs.EscapingAccessLogger"
# No control socket: its default path is one per user, so a second app server on the host would take
# it over from the first; the servers are managed through systemd and signals.
control_socket_disable = True
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")


def on_starting(server):
    """Before the port opens: the master renders the main pages into the cache (ufm_intl/warmup.py)."""
    if server.cfg.preload_app:
        from ufm_intl.warmup import warm_before_serving

        warm_before_serving(server.app.wsgi())


def post_worker_init(worker):
    """Each new worker connects to the database and, unless it was forked right after the master warmed
    the cache, renders the main pages into it in the background (ufm_intl/warmup.py)."""
    from ufm_intl.warmup import connect, warm_in_background

    connect()
    warm_in_background(worker.wsgi)
