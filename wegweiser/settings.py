"""Settings for Wegweiser, read from the environment.

The defaults are safe for production: DEBUG is off, cookies are secure, HTTPS is enforced.
`make run` switches to development with WEGWEISER_DEBUG=1.
"""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from wegweiser.core.logging import logging_config
from wegweiser.core.task_settings import periodic_tasks, tasks_config


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if not value:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


PACKAGE_DIR = Path(__file__).resolve().parent
BASE_DIR = PACKAGE_DIR.parent
VAR_DIR = Path(os.environ.get("WEGWEISER_VAR_DIR", BASE_DIR / "var"))
NODE_MODULES = Path(os.environ.get("WEGWEISER_NODE_MODULES", BASE_DIR / "node_modules"))

DEBUG = env_bool("WEGWEISER_DEBUG", False)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY must be set in production (or set WEGWEISER_DEBUG=1 for development)."
        )
    SECRET_KEY = "development-only-key-never-use-in-production-3c1f0e9a"  # noqa: S105

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    # Our apps first, so their templates override those of the libraries (e.g. the axes lockout page).
    "wegweiser.core",
    "wegweiser.accounts",
    "wegweiser.guidebook",
    "wegweiser.guidebook.exports",
    "wegweiser.navigator",
    "wegweiser.network",
    "wegweiser.plans",
    "wegweiser.plans.public",
    "wegweiser.worktime",
    "wegweiser.cases",
    "wegweiser.learning",
    "wegweiser.states",
    "wegweiser.api",
    "wegweiser.demo",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.forms",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "rules.apps.AutodiscoverRulesConfig",
    "simple_history",
    "csp",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    # Stores public pages for anonymous visitors last, with every header (core/page_cache.py).
    "wegweiser.core.page_cache.AnonymousUpdateCacheMiddleware",
    "wegweiser.core.page_cache.AnonymousGZipMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "wegweiser.core.middleware.RejectNulBytesMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Answers anonymous visitors from that cache before sessions, authentication and CSRF run.
    "wegweiser.core.page_cache.AnonymousFetchFromCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "wegweiser.accounts.middleware.SessionLimitsMiddleware",
    "wegweiser.accounts.middleware.TwoFactorRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "wegweiser.core.middleware.PrivatePagesNoStoreMiddleware",
    # axes must come last: it reads the outcome of authentication.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "wegweiser.urls"
WSGI_APPLICATION = "wegweiser.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wegweiser.core.context_processors.site",
            ],
        },
    }
]

# --- database -----------------------------------------------------------------------------------
VAR_DIR.mkdir(parents=True, exist_ok=True)
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'wegweiser.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        # A connection kept between requests is checked before use: after a database restart the
        # next request reconnects instead of failing.
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers and one writer work at the same time; IMMEDIATE avoids lock upgrades.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;",
        "transaction_mode": "IMMEDIATE",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- cache --------------------------------------------------------------------------------------
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": "wegweiser",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Whole public pages for anonymous visitors (wegweiser/core/page_cache.py): at most this old.
CACHE_MIDDLEWARE_SECONDS = int(os.environ.get("PUBLIC_PAGE_CACHE_SECONDS", "30"))
CACHE_MIDDLEWARE_KEY_PREFIX = "public-page"

# --- accounts and security ----------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:dashboard"

# Idle limit (renewed on every request) and absolute limit (counted from login).
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_IDLE_SECONDS", str(2 * 3600)))
SESSION_SAVE_EVERY_REQUEST = True
SESSION_ABSOLUTE_SECONDS = int(os.environ.get("SESSION_ABSOLUTE_SECONDS", str(12 * 3600)))
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=15)
# Locked per account and address, and per account alone: a guesser who changes the address for
# every try is stopped too. The price (someone can lock an account for 15 minutes) is accepted;
# the password reset keeps working while the login is locked.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "username"]
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_RESET_ON_SUCCESS = True
# Our login form names the e-mail field "username" (Django's AuthenticationForm); axes must read that.
AXES_USERNAME_FORM_FIELD = "username"
AXES_VERBOSE = False

OTP_TOTP_ISSUER = "Wegweiser"

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# No page needs a powerful browser feature; switch them off so an injected script cannot use them.
PERMISSIONS_POLICY: dict[str, list[str]] = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "interest-cohort",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
    )
}
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", not DEBUG)
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "0" if DEBUG else "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
# The directive alone enrols nothing; submitting the domain to the preload list stays a choice.
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
if env_bool("BEHIND_TLS_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# /healthz is probed over plain HTTP by load balancers and must not be redirected.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

# Strict CSP: everything from our own host, no inline script or style. KERN UX icons are data: URLs.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "manifest-src": [SELF],
        "worker-src": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}

# Uploads: refuse large bodies early; files are never kept in memory beyond this.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
WEGWEISER_MAX_UPLOAD_BYTES = int(
    os.environ.get("WEGWEISER_MAX_UPLOAD_BYTES", str(10 * 1024 * 1024))
)
WEGWEISER_HSDS_MAX_BYTES = int(os.environ.get("WEGWEISER_HSDS_MAX_BYTES", str(4 * 1024 * 1024)))
MEDIA_ROOT = Path(
    os.environ.get("WEGWEISER_MEDIA_ROOT", VAR_DIR / "uploads")
)  # outside the web root
# Never routed: uploads are served only through views that check permissions.
MEDIA_URL = "/uploads-are-not-public/"

# --- languages ----------------------------------------------------------------------------------
LANGUAGE_CODE = "de"
# German is the default for users; English is complete; the others cover the worker-facing parts.
LANGUAGES = [
    ("de", "Deutsch"),
    ("en", "English"),
    ("ro", "Română"),
    ("bg", "Български"),
    ("pl", "Polski"),
    ("hu", "Magyar"),
    ("uk", "Українська"),
    ("ru", "Русский"),
    ("ar", "العربية"),
    ("tr", "Türkçe"),
    ("vi", "Tiếng Việt"),
]
PROFESSIONAL_LANGUAGES = ["de", "en"]
LANGUAGES_BIDI = ["ar"]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Europe/Berlin"
USE_TZ = True

# --- static files (served by the app itself through whitenoise; no CDN) -------------------------
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [
    PACKAGE_DIR / "static",
    ("vendor/kern", NODE_MODULES / "@kern-ux" / "native" / "dist"),
    ("vendor/htmx", NODE_MODULES / "htmx.org" / "dist"),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = DEBUG

# --- mail ---------------------------------------------------------------------------------------
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "wegweiser@example.org")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
if os.environ.get("EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = os.environ["EMAIL_HOST"]
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
else:
    # Without an SMTP server, mails are written to var/mail/ so a developer can read them.
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = VAR_DIR / "mail"

# --- background jobs (the queue in the database, a worker; see wegweiser/core/task_settings.py) --
TASKS = tasks_config(os.environ.get("WEGWEISER_TASKS_BACKEND", "django_tasks_db.DatabaseBackend"))
WEGWEISER_PERIODIC_TASKS = periodic_tasks()  # run by cron/timers via `wegweiser enqueue NAME`
# Finished task results are kept this many days (troubleshooting), then purged.
WEGWEISER_TASK_RESULT_DAYS = int(os.environ.get("WEGWEISER_TASK_RESULT_DAYS", "14"))

# --- the platform -------------------------------------------------------------------------------
WEGWEISER_OPERATOR = {
    "name": os.environ.get("WEGWEISER_OPERATOR_NAME", "Betreiber der Wegweiser-Instanz (Beispiel)"),
    "address": os.environ.get("WEGWEISER_OPERATOR_ADDRESS", "Musterstraße 1, 55116 Mainz"),
    "email": os.environ.get("WEGWEISER_OPERATOR_EMAIL", "kontakt@example.org"),
    "accessibility_email": os.environ.get(
        "WEGWEISER_ACCESSIBILITY_EMAIL", "barrierefreiheit@example.org"
    ),
}
# Entries not confirmed for this many days are flagged as stale in the guidebook.
WEGWEISER_FRESHNESS_DAYS = int(os.environ.get("WEGWEISER_FRESHNESS_DAYS", "182"))
WEGWEISER_BASE_URL = os.environ.get("WEGWEISER_BASE_URL", "http://127.0.0.1:8000")
# Days after a withdrawal of consent until a contact person's personal fields are purged, also in
# the history (`wegweiser purge_withdrawn_contacts`, daily).
WEGWEISER_CONTACT_PURGE_DAYS = int(os.environ.get("WEGWEISER_CONTACT_PURGE_DAYS", "30"))
WEGWEISER_READ_LOG_DAYS = int(os.environ.get("WEGWEISER_READ_LOG_DAYS", "365"))  # accounts/reads.py
# The anonymous work-time report API (wegweiser/api/limits.py): a year of days is about 60 kB.
WEGWEISER_WORKTIME_REPORT_MAX_BYTES = int(
    os.environ.get("WEGWEISER_WORKTIME_REPORT_MAX_BYTES", str(256 * 1024))
)
WEGWEISER_WORKTIME_REPORT_MAX_ENTRIES = int(
    os.environ.get("WEGWEISER_WORKTIME_REPORT_MAX_ENTRIES", "1500")
)
WEGWEISER_WORKTIME_REPORT_RATE = os.environ.get("WEGWEISER_WORKTIME_REPORT_RATE", "20/m")
# Rate limits count per client address. Behind nginx, REMOTE_ADDR is nginx itself: read the
# address nginx passes on (proxy_set_header X-Real-IP $remote_addr; see docs/deployment.md).
RATELIMIT_IP_META_KEY = os.environ.get("RATELIMIT_IP_META_KEY") or (
    "HTTP_X_REAL_IP" if env_bool("BEHIND_TLS_PROXY", False) else None
)

# Keys for the field encryption of case data (Fernet, comma-separated, newest first: the first
# encrypts, all decrypt, so keys can be rotated with `wegweiser rotate_case_keys`). Production
# refuses to start without one; development keeps one under var/ (created by `make run`).
WEGWEISER_FIELD_KEYS = env_list("WEGWEISER_FIELD_KEYS", [])
if not WEGWEISER_FIELD_KEYS and DEBUG:
    _dev_key_file = VAR_DIR / "field-key.txt"
    if not _dev_key_file.exists():
        import base64

        _dev_key_file.write_text(base64.urlsafe_b64encode(os.urandom(32)).decode() + "\n")
        _dev_key_file.chmod(0o600)
    WEGWEISER_FIELD_KEYS = [_dev_key_file.read_text().strip()]
if not WEGWEISER_FIELD_KEYS:
    raise ImproperlyConfigured(
        "WEGWEISER_FIELD_KEYS must be set in production (a Fernet key; see README, Counselling cases)."
    )

# Operators who get an e-mail for every server error: "Name <mail@example.org>, …".
ADMINS = [
    (name.strip() or address, address)
    for name, address in (
        (entry.split("<", 1)[0], entry.split("<", 1)[-1].rstrip(">").strip())
        for entry in env_list("WEGWEISER_ADMINS", [])
    )
]
# LOG_FORMAT=json: one JSON object per line for the operator's alerting (wegweiser/core/logging.py).
# No log line carries a query string; error mails carry no form data (docs/deployment.md).
LOG_FORMAT = os.environ.get("LOG_FORMAT", "text")
LOGGING = logging_config(LOG_FORMAT, os.environ.get("LOG_LEVEL", "WARNING"))
CSRF_FAILURE_VIEW = "wegweiser.core.views.csrf_failure"
FORM_RENDERER = "wegweiser.core.forms.KernFormRenderer"
