"""Partnerwerk settings: everything that differs between machines comes from the environment."""

import ipaddress
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from partnerwerk.environment import env_bool, env_choice, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("PARTNERWERK_VAR_DIR", str(BASE_DIR / "var")))

ENV = env_choice("PARTNERWERK_ENV", ("dev", "test", "production"), "dev")
PRODUCTION = ENV == "production"

DEV_SECRET_KEY = "dev-only-insecure-key-never-use-in-production"
SECRET_KEY = env_str("PARTNERWERK_SECRET_KEY", "" if PRODUCTION else DEV_SECRET_KEY)
DEBUG = env_bool("PARTNERWERK_DEBUG", default=ENV == "dev")
ALLOWED_HOSTS = env_list(
    "PARTNERWERK_ALLOWED_HOSTS", "" if PRODUCTION else "127.0.0.1,localhost,testserver"
)

if PRODUCTION:
    problems = []
    if len(SECRET_KEY) < 50 or SECRET_KEY == DEV_SECRET_KEY or len(set(SECRET_KEY)) < 5:
        problems.append(
            "PARTNERWERK_SECRET_KEY must be set to a random value of at least 50 characters"
        )
    if DEBUG:
        problems.append("PARTNERWERK_DEBUG must be off")
    if not ALLOWED_HOSTS or "*" in ALLOWED_HOSTS:
        problems.append("PARTNERWERK_ALLOWED_HOSTS must list the site's host names (no '*')")
    if problems:
        raise ImproperlyConfigured(
            "PARTNERWERK_ENV=production refuses to start: " + "; ".join(problems) + "."
        )

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_countries",
    "ninja",
    "simple_history",
    "rules.apps.AutodiscoverRulesConfig",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "django_htmx",
    "django_tasks",
    "django_tasks_db",
    "partnerwerk.core",
    "partnerwerk.places",
    "partnerwerk.sdg",
    "partnerwerk.actors",
    "partnerwerk.programmes",
    "partnerwerk.partnerships",
    "partnerwerk.projects",
    "partnerwerk.documents",
    "partnerwerk.action_programmes",
    "partnerwerk.exchange",
    "partnerwerk.api",
    "partnerwerk.feedback",
    "partnerwerk.registry",
    "partnerwerk.accounts",
    "partnerwerk.grants",
    "partnerwerk.content",
    "partnerwerk.reports",
    "partnerwerk.office",
    "partnerwerk.portal",
]

MIDDLEWARE = [
    # First: X-Forwarded-Proto counts only from a trusted proxy (before the HTTPS redirect).
    "partnerwerk.core.security.TrustedProxyHeadersMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # JSON for the 405 and 500 answers under /api/ that no API operation gives itself.
    "partnerwerk.api.middleware.ApiErrorMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # After sign-in is known, before anything reads the body (CSRF's process_view reads POST).
    "partnerwerk.core.security.RequestBodyLimitMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "partnerwerk.accounts.middleware.SessionTimeoutMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "partnerwerk.core.security.ContentSecurityPolicyMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it turns a lockout raised during sign-in into its response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "partnerwerk.urls"
WSGI_APPLICATION = "partnerwerk.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "partnerwerk" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
            ],
        },
    },
]

# Database: SQLite (WAL) by default, PostgreSQL through DATABASE_URL.
DATABASE_URL = env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'partnerwerk.sqlite3'}")
if not DATABASE_URL.startswith(("sqlite:", "postgres:", "postgresql:")):
    raise ImproperlyConfigured(
        f"DATABASE_URL must start with sqlite:// or postgres://, not {DATABASE_URL!r}."
    )
_database = dj_database_url.parse(DATABASE_URL)
if _database["ENGINE"] == "django.db.backends.sqlite3":
    if _database["NAME"] != ":memory:":
        Path(_database["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    _database["OPTIONS"] = {
        # WAL lets readers work while one writer writes; the busy timeout makes a second
        # writer wait instead of failing at once.
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": env_int("PARTNERWERK_SQLITE_TIMEOUT", 20),
    }
    # Each worker keeps its connection between requests: opening one costs more than a
    # registry answer (the pragmas above, and when the last connection closes SQLite
    # checkpoints and removes its write-ahead log, which the next request creates again).
    # Decision 0036.
    _database["CONN_MAX_AGE"] = env_int("PARTNERWERK_SQLITE_CONN_MAX_AGE", 600)
else:
    _database["OPTIONS"] = {
        "pool": {
            "min_size": env_int("PARTNERWERK_DB_POOL_MIN", 1),
            "max_size": env_int("PARTNERWERK_DB_POOL_MAX", 10),
        }
    }
    _database["CONN_MAX_AGE"] = 0  # the pool keeps connections; Django must not as well
    # The pool checks a connection before lending it, so after a PostgreSQL restart the
    # dead ones are replaced and only the requests in flight fail (core/tests/test_faults*).
    _database["CONN_HEALTH_CHECKS"] = True
_database["TEST"] = {"NAME": env_str("PARTNERWERK_TEST_DATABASE_NAME", "") or None}
DATABASES = {"default": _database}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Sign-in (decision 0009): accounts by invitation, a password, then a second factor (TOTP or a
# recovery code) before any office page. django-axes counts failures per user *and* address,
# so nobody can lock a colleague out from another machine.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "accounts:sign-in"
LOGIN_REDIRECT_URL = "office:dashboard"
AXES_FAILURE_LIMIT = env_int("PARTNERWERK_SIGN_IN_FAILURES", 5)
AXES_COOLOFF_TIME = env_int("PARTNERWERK_LOCKOUT_MINUTES", 15) / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_USERNAME_FORM_FIELD = "username"
AXES_VERBOSE = False  # our own log lines say what happened (partnerwerk.security)
AXES_SENSITIVE_PARAMETERS = ["password", "token", "otp_token", "new_password1", "new_password2"]
# The client's address: REMOTE_ADDR, or behind one of these proxies (addresses or networks)
# the address the proxies saw (partnerwerk.core.security.client_ip, used by axes as well).
PARTNERWERK_TRUSTED_PROXIES = env_list("PARTNERWERK_TRUSTED_PROXIES", "")
for _proxy in PARTNERWERK_TRUSTED_PROXIES:
    try:
        ipaddress.ip_network(_proxy, strict=False)
    except ValueError:
        raise ImproperlyConfigured(
            f"PARTNERWERK_TRUSTED_PROXIES must list IP addresses or networks, not {_proxy!r}."
        ) from None
AXES_CLIENT_IP_CALLABLE = "partnerwerk.core.security.client_ip"
# Behind a proxy that ends TLS, a request is secure when the proxy says so in
# X-Forwarded-Proto; the header is believed only from the trusted proxies (it is removed from
# every other peer's request by core.security.TrustedProxyHeadersMiddleware), and without
# trusted proxies not at all.
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if PARTNERWERK_TRUSTED_PROXIES else None
)
OTP_TOTP_ISSUER = env_str("PARTNERWERK_OTP_ISSUER", "Partnerwerk")
# A session ends after this much idleness and at the latest this long after sign-in.
PARTNERWERK_SESSION_IDLE_MINUTES = env_int("PARTNERWERK_SESSION_IDLE_MINUTES", 30)
PARTNERWERK_SESSION_ABSOLUTE_HOURS = env_int("PARTNERWERK_SESSION_ABSOLUTE_HOURS", 10)
SESSION_COOKIE_AGE = PARTNERWERK_SESSION_ABSOLUTE_HOURS * 3600
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True  # htmx reads the token from a meta tag, never from the cookie
# An invitation link stays valid this long.
PARTNERWERK_INVITATION_DAYS = env_int("PARTNERWERK_INVITATION_DAYS", 7)
# E-mail (invitations) goes through Django's e-mail backends: printed to the console unless
# the installation names another backend (SMTP: django.core.mail.backends.smtp.EmailBackend).
EMAIL_BACKEND = env_str(
    "PARTNERWERK_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
EMAIL_HOST = env_str("PARTNERWERK_EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("PARTNERWERK_EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("PARTNERWERK_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = env_str("PARTNERWERK_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = env_bool("PARTNERWERK_EMAIL_TLS", default=False)
DEFAULT_FROM_EMAIL = env_str("PARTNERWERK_FROM_EMAIL", "partnerwerk@localhost")
# Background work (invitations, reminders, large exports, office imports) runs as Django
# tasks (the django-tasks backport): queued in the database and run by separate worker
# processes (`partnerwerk db-worker`, deploy/systemd/partnerwerk-worker.service). `immediate`
# runs each task at once in the process that enqueues it (no worker needed; decision 0031).
PARTNERWERK_TASKS = env_choice("PARTNERWERK_TASKS", ("db", "immediate"), "db")
TASKS = {
    "default": {
        "BACKEND": {
            "db": "django_tasks_db.DatabaseBackend",
            "immediate": "django_tasks.backends.immediate.ImmediateBackend",
        }[PARTNERWERK_TASKS]
    }
}
# Files prepared in the background for a user (large exports): EXPORTS_DIR/<user id>/.
PARTNERWERK_EXPORTS_DIR = VAR_DIR / "exports"
# Import files waiting for a worker, removed once imported.
PARTNERWERK_IMPORTS_DIR = VAR_DIR / "imports"
# Public open-data files kept per content generation, one set per app server (decision 0038).
PARTNERWERK_OPEN_DATA_DIR = VAR_DIR / "open-data"
# `partnerwerk cleanup` (hourly timer) removes prepared exports, import files left behind and
# finished tasks' records older than this many days.
PARTNERWERK_BACKGROUND_KEEP_DAYS = env_int("PARTNERWERK_BACKGROUND_KEEP_DAYS", 7)
# A task still "running" this many minutes after it began lost its worker (killed, machine
# gone): `partnerwerk recover-tasks` marks it failed. Longer than the longest task.
PARTNERWERK_TASK_RUNNING_LIMIT_MINUTES = env_int("PARTNERWERK_TASK_RUNNING_LIMIT_MINUTES", 60)
# Uploads: the largest file the office accepts (the type is checked by the file's content).
PARTNERWERK_UPLOAD_MAX_MB = env_int("PARTNERWERK_UPLOAD_MAX_MB", 20)
# Request bodies larger than these are refused (413) before they are read: anonymous senders
# post small forms (feedback, sign-in); signed-in users the largest upload, a document or an
# import file (exchange.tables.MAX_FILE_BYTES, 50 MB), and its form.
PARTNERWERK_ANON_MAX_BODY = env_int("PARTNERWERK_ANON_MAX_BODY", 64 * 1024)
PARTNERWERK_SIGNED_IN_MAX_BODY = (max(PARTNERWERK_UPLOAD_MAX_MB, 50) + 1) * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024  # the fields of a form, files not counted
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440  # larger uploads are spooled to a temporary file
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000
DATA_UPLOAD_MAX_NUMBER_FILES = 10
# GDPR: people linked to nothing active for this many years appear in the retention review.
PARTNERWERK_RETENTION_YEARS = env_int("PARTNERWERK_RETENTION_YEARS", 3)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

LANGUAGE_CODE = "de"
LANGUAGES = [("de", _("German")), ("en", _("English"))]
# Content languages: the UI speaks German and English; reference texts (SDGs) also French.
CONTENT_LANGUAGES = ("de", "en", "fr")
LOCALE_PATHS = [BASE_DIR / "partnerwerk" / "locale"]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
# partnerwerk/static/vendor/ is filled by `npm ci && npm run vendor` (see package.json).
STATICFILES_DIRS = [BASE_DIR / "partnerwerk" / "static"]
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # whitenoise warns at start-up when it is missing
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
MEDIA_ROOT = VAR_DIR / "media"
MEDIA_URL = "media/"

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Everything the portal loads comes from its own host: no CDN, no external fonts, no inline
# scripts or style attributes (partnerwerk/core/security.py sends it).
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'"
)
SESSION_COOKIE_HTTPONLY = True
if PRODUCTION:
    SECURE_SSL_REDIRECT = env_bool("PARTNERWERK_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = 31536000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"

# The home municipality whose office runs this installation (GeoNames id of Dortmund).
PARTNERWERK_HOME_GEONAMES_ID = env_int("PARTNERWERK_HOME_GEONAMES_ID", 2935517)
PARTNERWERK_REFERENCE_DIR = Path(
    env_str("PARTNERWERK_REFERENCE_DIR", str(BASE_DIR / "data" / "reference" / "dortmund"))
)
PARTNERWERK_SDG_DIR = BASE_DIR / "data" / "reference" / "sdg"
# Feedback messages one address may send per hour through the accessibility feedback form.
PARTNERWERK_FEEDBACK_PER_HOUR = env_int("PARTNERWERK_FEEDBACK_PER_HOUR", 5)
# Reader comments one address may send per hour (news articles that take comments, issue 19).
PARTNERWERK_COMMENTS_PER_HOUR = env_int("PARTNERWERK_COMMENTS_PER_HOUR", 5)
# Funding (decision 0030): sign-ups and submissions per address and hour.
PARTNERWERK_GRANTS_SIGN_UPS_PER_HOUR = env_int("PARTNERWERK_GRANTS_SIGN_UPS_PER_HOUR", 5)
PARTNERWERK_GRANTS_SUBMISSIONS_PER_HOUR = env_int("PARTNERWERK_GRANTS_SUBMISSIONS_PER_HOUR", 10)

# Logs go to standard error: as text, or one JSON object per line for a log collector.
LOG_FORMAT = env_choice("PARTNERWERK_LOG_FORMAT", ("text", "json"), "text")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(process)d %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
        "text": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT}},
    "root": {"handlers": ["console"], "level": env_str("PARTNERWERK_LOG_LEVEL", "INFO")},
    # django-axes reports every successful sign-in at INFO; partnerwerk.security says it once.
    # WeasyPrint reports each step of every PDF at INFO; its warnings (a refused address) stay.
    "loggers": {"axes": {"level": "WARNING"}, "weasyprint": {"level": "WARNING"}},
}

# One cache shared by all server processes (the portal's pages, API answers, rate limits).
# "file": files under var/, no extra service, for one machine (PARTNERWERK_CACHE_DIR may point
# elsewhere). "redis": one Redis shared by several app servers (PARTNERWERK_REDIS_URL); when
# Redis is away the app answers without a cache instead of failing (core.cache).
CACHE = env_choice("PARTNERWERK_CACHE", ("file", "redis"), "file")
if CACHE == "redis":
    CACHES = {
        "default": {
            "BACKEND": "partnerwerk.core.cache.TolerantRedisCache",
            "LOCATION": env_str("PARTNERWERK_REDIS_URL", "redis://127.0.0.1:6379/0"),
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": env_str("PARTNERWERK_CACHE_DIR", str(VAR_DIR / "cache")),
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }
# Whole portal pages and the API's registry answers are kept in that cache until the data
# changes (decisions 0014, 0016). "false" computes every answer afresh (rate limits and
# sessions still use the cache): for measuring the uncached cost (bench/registry_vs_datasette.py
# --distinct, decision 0036).
PARTNERWERK_CACHE_ANSWERS = env_bool("PARTNERWERK_CACHE_ANSWERS", default=True)
# Sessions live in the database (shared by every app server); "cached_db" also keeps them in
# the cache, saving a query per request when the cache is Redis.
SESSION_ENGINE = "django.contrib.sessions.backends." + env_choice(
    "PARTNERWERK_SESSIONS", ("db", "cached_db"), "db"
)

# IATI publishing (issue 5, decision 0011). There is no official IATI organisation identifier
# for the city yet: the default is a placeholder under the user-assigned prefix "ZZ" that no
# registration agency uses. Set the real one once the city registers with the IATI Registry.
PARTNERWERK_IATI_ORG_ID = env_str(
    "PARTNERWERK_IATI_ORG_ID", f"ZZ-PARTNERWERK-{PARTNERWERK_HOME_GEONAMES_ID}"
)
PARTNERWERK_IATI_ORG_NAME = env_str("PARTNERWERK_IATI_ORG_NAME", "Stadt Dortmund")
# IATI OrganisationType of the reporting organisation: 11 is local government.
PARTNERWERK_IATI_ORG_TYPE = env_str("PARTNERWERK_IATI_ORG_TYPE", "11")

# A registry installation (a national association) shows every municipality alike (issue 6).
PARTNERWERK_REGISTRY_MODE = env_bool("PARTNERWERK_REGISTRY_MODE", default=False)
# Kosovo has no ISO 3166 code yet; XK is the code the EU and GeoNames use.
COUNTRIES_OVERRIDE = {"XK": _("Kosovo")}
