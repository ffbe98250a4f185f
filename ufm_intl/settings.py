"""Settings for the ufm-intl portal, read from the environment (and an optional .env file)."""

import os
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

# --- Core -------------------------------------------------------------------

DEBUG = env.bool("DEBUG", default=False)

SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "The SECRET_KEY environment variable is not set. Set SECRET_KEY to a long random "
            "string (or set DEBUG=true for local development only)."
        )
    SECRET_KEY = "insecure-development-key-only-used-when-DEBUG-is-on"

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"] if DEBUG else [])

# --- Applications -----------------------------------------------------------

DJANGO_APPS = [
    # modeltranslation must come before the admin to patch its forms.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]
THIRD_PARTY_APPS = [
    "django_countries",
    "simple_history",
    "django_prose_editor",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "phonenumber_field",
]
# From the top layer down; the layers are checked by import-linter (pyproject.toml).
LOCAL_APPS = [
    "ufm_intl",
    "contacts",
    "centres",
    "agreements",
    "publishing",
]
INSTALLED_APPS = DJANGO_APPS + THIRD_PARTY_APPS + LOCAL_APPS

MIDDLEWARE = [
    # An answer to HEAD leaves with its headers and no body, whichever layer made it.
    "ufm_intl.middleware.HeadWithoutBodyMiddleware",
    # Next, so that every answer carries the security headers, even one made before they are
    # added or when the error page itself fails (ufm_intl/middleware.py).
    "ufm_intl.middleware.LastResortMiddleware",
    # First the host is checked and HTTP redirected to HTTPS; then a cached page for a visitor is
    # answered before any other work (see publishing/cache.py).
    "django.middleware.security.SecurityMiddleware",
    "publishing.cache.PublicPageCacheMiddleware",
    # A view that cannot reach the database answers 503, not 500 (publishing/outages.py).
    "publishing.outages.ServiceUnavailableMiddleware",
    # Before WhiteNoise, so that static files carry the same headers as pages.
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "ufm_intl.middleware.StaticFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "ufm_intl.middleware.AllowImportMapMiddleware",
    # Input no view can use (NUL bytes) answers 400 before the session or a view meets it.
    "ufm_intl.middleware.RejectUnusableInputMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Before the form-token check: sending something to a page that takes nothing answers 405.
    "ufm_intl.middleware.ReadOnlyPagesMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "ufm_intl.middleware.EnforceStaffOTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "publishing.redirects.RedirectFallbackMiddleware",
    # axes last, as its documentation asks.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "ufm_intl.urls"
WSGI_APPLICATION = "ufm_intl.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "ufm_intl.context_processors.site",
            ],
            # {% url %} remembers its answers (publishing/templatetags/addresses.py). Django's cached
            # template loader is the default (DEBUG or not): templates are parsed once per process.
            "builtins": ["publishing.templatetags.addresses"],
        },
    },
]

# --- Database and cache -----------------------------------------------------

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
if env.str("DATABASE_REPLICA_URL", default=""):
    DATABASES["replica"] = env.db("DATABASE_REPLICA_URL")
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["publishing.routers.ReplicaRouter"]

# Keep database connections between requests; check them before reuse, so that a restarted or failed-over
# database costs no visitor an error. Give up connecting after a few seconds rather than hang.
for _database in DATABASES.values():
    _database.setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=60))
    _database.setdefault("CONN_HEALTH_CHECKS", env.bool("CONN_HEALTH_CHECKS", default=True))
    if _database["ENGINE"] == "django.db.backends.postgresql":
        _database.setdefault("OPTIONS", {}).setdefault(
            "connect_timeout", env.int("DATABASE_CONNECT_TIMEOUT", default=3)
        )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://ufm-intl")}
if "redis" in CACHES["default"]["BACKEND"].lower():
    # A cache that does not answer within this time counts as down: pages are rendered without it.
    CACHES["default"].setdefault("OPTIONS", {}).update(
        {
            "SOCKET_CONNECT_TIMEOUT": env.float("CACHE_CONNECT_TIMEOUT", default=0.25),
            "SOCKET_TIMEOUT": env.float("CACHE_TIMEOUT", default=0.25),
        }
    )
# After a cache failure, leave the cache alone for this long before trying it again.
CACHE_RETRY_SECONDS = env.float("CACHE_RETRY_SECONDS", default=5)
# Pages are cached per language; an edit moves the content version on (see publishing/cache.py).
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=600)
# After an edit, visitors may get the previous copy of a page for at most this long while one request
# renders the new one; editors always see their change at once.
PAGE_CACHE_GRACE_SECONDS = env.float("PAGE_CACHE_GRACE_SECONDS", default=2)
# With a shared cache (CACHE_URL), each app-server process also keeps up to this many pages in its own
# memory, answered without a round trip while the content version says they are fresh. 0: none.
PAGE_CACHE_LOCAL_ENTRIES = env.int("PAGE_CACHE_LOCAL_ENTRIES", default=300)
# Within the grace period, how many pages at a time each app server renders again after an edit (the
# others wait their turn, answering the previous copy meanwhile), so that the workers keep answering.
PAGE_CACHE_REVALIDATIONS = env.int("PAGE_CACHE_REVALIDATIONS", default=max(1, (os.cpu_count() or 2) // 2))
# Requests for a page that another request is rendering wait for it at most this long.
PAGE_CACHE_LOCK_SECONDS = env.int("PAGE_CACHE_LOCK_SECONDS", default=5)
# Clients told 503 (the database is down and the page is not cached) are asked to come back after this.
RETRY_AFTER_SECONDS = env.int("RETRY_AFTER_SECONDS", default=10)
# Where visitors reach this portal (scheme and host as in their requests): each new app-server worker
# renders the main pages for it into the cache (ufm_intl/warmup.py). Empty: no warm-up.
_public_host = next((host for host in ALLOWED_HOSTS if host and not host.startswith((".", "*"))), "")
PAGE_CACHE_WARM_ORIGIN = env.str(
    "PAGE_CACHE_WARM_ORIGIN",
    default=f"{'https' if env.bool('SECURE_SSL_REDIRECT', default=not DEBUG) else 'http'}://{_public_host}"
    if _public_host
    else "",
)
# The fixed name in the ids of feed entries (tag: URIs, publishing/feeds.py): feed readers know an entry
# by its id, so keep it when the site's address changes. Default: the first ALLOWED_HOSTS entry.
FEED_ID_AUTHORITY = env.str("FEED_ID_AUTHORITY", default=_public_host or "localhost")
# Know the content version without a query per cached page (publishing/versions.py).
CONTENT_VERSION_LISTENER = env.bool("CONTENT_VERSION_LISTENER", default=True)

SESSION_ENGINE = "django.contrib.sessions.backends.db"
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=8 * 60 * 60)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# --- Authentication ---------------------------------------------------------

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "admin:login"
# Where a login goes when its ?next= is missing or refused (another site, say).
LOGIN_REDIRECT_URL = "admin:index"

# Login throttling: a user from one address is locked out after AXES_FAILURE_LIMIT failures.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=10)
AXES_COOLOFF_TIME = env.float("AXES_COOLOFF_HOURS", default=1.0)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "admin/lockout.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
# Behind PROXY_COUNT proxies the client's address is the one the outermost proxy added to
# X-Forwarded-For: the PROXY_COUNT-th from the right (nginx's $proxy_add_x_forwarded_for appends the
# address it saw). Whatever a client writes into the header itself stays to the left of it and is not
# believed. django-ipware counts only the proxies listed in the header, not the one connecting to us.
PROXY_COUNT = env.int("PROXY_COUNT", default=0)
if PROXY_COUNT:
    AXES_IPWARE_META_PRECEDENCE_ORDER = ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR")
    AXES_IPWARE_PROXY_COUNT = PROXY_COUNT - 1
    AXES_IPWARE_PROXY_ORDER = "left-most"
    # A header with more addresses than the proxies (one the client sent) still gives the right one.
    IPWARE_STRICT = False
else:
    AXES_IPWARE_META_PRECEDENCE_ORDER = ("REMOTE_ADDR",)

# Two-factor: when on, every staff account (or every superuser) must give a code from an authenticator
# app at login; accounts without an authenticator cannot log in until one is added for them.
OTP_REQUIRED_FOR_STAFF = env.bool("OTP_REQUIRED_FOR_STAFF", default=False)
OTP_REQUIRED_FOR_SUPERUSERS = env.bool("OTP_REQUIRED_FOR_SUPERUSERS", default=False)
OTP_TOTP_ISSUER = "ufm-intl"

# --- Internationalisation ---------------------------------------------------

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("da", _("Danish"))]
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en", "da")
LOCALE_PATHS = [BASE_DIR / "locale"]
# Formats a language writes beside those Django knows (a Danish time "10.00").
FORMAT_MODULE_PATH = ["ufm_intl.formats"]
TIME_ZONE = "Europe/Copenhagen"
USE_I18N = True
USE_TZ = True

# --- Static files -----------------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "ufm_intl" / "static"]
STORAGES = {
    "default": {
        "BACKEND": env.str("FILE_STORAGE", default="django.core.files.storage.FileSystemStorage"),
    },
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage",
    },
}
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
MEDIA_URL = "/media/"
# The largest agreement document (a PDF) editors may upload.
DOCUMENT_MAX_BYTES = env.int("DOCUMENT_MAX_BYTES", default=20 * 1024 * 1024)
WHITENOISE_MAX_AGE = 60 * 60

# --- Security ---------------------------------------------------------------

SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=not DEBUG)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=not DEBUG)
SESSION_COOKIE_SECURE = env.bool("SECURE_COOKIES", default=not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_HTTPONLY = True
# The language a visitor chose: only over HTTPS in production, never read by scripts, not sent along
# when another site links here by POST.
LANGUAGE_COOKIE_SECURE = SESSION_COOKIE_SECURE
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
if env.bool("USE_X_FORWARDED_PROTO", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
# A form sent back without its token gets a page in the site's layout saying what to do.
CSRF_FAILURE_VIEW = "ufm_intl.views.csrf_failure"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
PERMISSIONS_POLICY = {feature: [] for feature in ("camera", "microphone", "geolocation", "payment", "usb")}

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}

# --- Editorial --------------------------------------------------------------

# An item whose last review is older than this many days is "review overdue" in the admin.
CONTENT_REVIEW_INTERVAL_DAYS = env.int("CONTENT_REVIEW_INTERVAL_DAYS", default=365)
SIMPLE_HISTORY_REVERT_DISABLED = False
COUNTRIES_FIRST = ["DK"]
# Phone numbers: typed the Danish way or with a country code, stored as E.164, shown grouped.
PHONENUMBER_DEFAULT_REGION = "DK"
PHONENUMBER_DB_FORMAT = "E164"
PHONENUMBER_DEFAULT_FORMAT = "INTERNATIONAL"

# --- Logging ----------------------------------------------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        # Control characters in a message are escaped: a path or a user name cannot start a line.
        "line": {
            "class": "ufm_intl.logs.LineFormatter",
            "format": "time=%(asctime)s level=%(levelname)s logger=%(name)s message=%(message)s",
        },
    },
    "filters": {
        "refused_requests_are_warnings": {"()": "ufm_intl.logs.RefusedRequestsAreWarnings"},
    },
    "handlers": {
        "stdout": {"class": "logging.StreamHandler", "stream": "ext://sys.stdout", "formatter": "line"},
        "security": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": "line",
            "filters": ["refused_requests_are_warnings"],
        },
    },
    "root": {"handlers": ["stdout"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.request": {"handlers": ["stdout"], "level": "WARNING", "propagate": False},
        # Refused requests (a foreign Host header, a disallowed admin field) are answered 400: warnings.
        "django.security": {"handlers": ["security"], "level": "WARNING", "propagate": False},
        # Lockouts are warnings; every successful login is not worth a line.
        "axes": {"handlers": ["stdout"], "level": "WARNING", "propagate": False},
    },
}
