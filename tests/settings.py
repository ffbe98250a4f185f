"""The project's settings, with the environment a test run needs.

Production-like (DEBUG off) but over plain HTTP on localhost. Every value can still be overridden from
the environment, e.g. DATABASE_URL to run the suite on PostgreSQL.
"""

import os

os.environ.setdefault("SECRET_KEY", "test-secret-key-not-for-production-use-0123456789")
os.environ.setdefault("DEBUG", "false")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
os.environ.setdefault("SECURE_COOKIES", "false")

from ufm_intl.settings import *  # noqa: E402, F403

# Tests render pages without collectstatic; hashed names are covered by the static files test.
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Static files come straight from the apps (no collectstatic before a test run).
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True

# Test transactions never commit, so notifications would never arrive: read the version from the database.
# (tests/test_scale_out.py runs real servers, with the listener.)
CONTENT_VERSION_LISTENER = False
# Tests check what a visitor sees right after an edit. The grace period, during which visitors may
# still get the previous copy, has its own tests (tests/publishing/test_single_flight.py), which set it.
PAGE_CACHE_GRACE_SECONDS = 0
