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
keepalive = 5
# Recycle workers now and then so that a slow leak can never grow without bound.
max_requests = 5000
max_requests_jitter = 500
# Logs as key=value lines on stdout, like the application's own.
accesslog = "-"
errorlog = "-"
access_log_format = 'time=%(t)s level=INFO logger=gunicorn.access remote=%(h)s method=%(m)s path="%(U)s" query="%(q)s" status=%(s)s bytes=%(B)s duration_us=%(D)s agent="%(a)s"'
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
