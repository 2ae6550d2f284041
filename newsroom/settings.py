"""Settings for newsroom: every value that varies by deployment is read here."""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from newsroom.local_files import local_secret_key

BASE_DIR = Path(__file__).resolve().parent.parent


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


# Development is the default; production sets DEBUG=0 and a real SECRET_KEY.
DEBUG = env_bool("DEBUG", True)

# Files this machine keeps for itself (the secret key, the local cache): never in git.
LOCAL_DIR = Path(os.environ.get("NEWSROOM_LOCAL_DIR", BASE_DIR / "var"))

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if DEBUG:
        SECRET_KEY = "django-insecure-development-only-key-never-use-in-production"
    elif env_bool("SECRET_KEY_CREATE", False):
        SECRET_KEY = local_secret_key(LOCAL_DIR / "secret_key")
    else:
        raise ImproperlyConfigured(
            "SECRET_KEY must be set when DEBUG is off (`make serve` keeps one in var/secret_key)."
        )

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_countries",
    "django_filters",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "import_export",
    "rangefilter",
    "simple_history",
    "visits",
    "newsroom",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "visits.aggregates.versions_once_a_request",
]

ROOT_URLCONF = "newsroom.urls"
WSGI_APPLICATION = "newsroom.wsgi.application"
ASGI_APPLICATION = "newsroom.asgi.application"

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
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
# SQLite holds a small team's concurrent writes: readers never wait for a writer (WAL), a
# transaction takes the write lock when it begins rather than failing when it first writes
# (IMMEDIATE), and a writer waits its turn for up to SQLITE_BUSY_TIMEOUT seconds.
SQLITE_OPTIONS = {
    "transaction_mode": "IMMEDIATE",
    "timeout": float(os.environ.get("SQLITE_BUSY_TIMEOUT", "20")),
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {**SQLITE_OPTIONS, **DATABASES["default"].get("OPTIONS", {})}

# The cache (counts, aggregates, API throttles) is shared by every worker: Redis when
# REDIS_URL is set, for any number of machines; else a database of this machine's own
# (its "cache" alias, a SQLite file by default), for the workers of one machine.
REDIS_URL = os.environ.get("REDIS_URL", "")
CACHE_TIMEOUT = int(os.environ.get("CACHE_TIMEOUT", "3600"))
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "TIMEOUT": CACHE_TIMEOUT,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "newsroom"),
        }
    }
else:
    DATABASES["cache"] = dj_database_url.parse(
        os.environ.get("CACHE_DATABASE_URL", f"sqlite:///{LOCAL_DIR / 'cache.sqlite3'}"),
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
    )
    if DATABASES["cache"]["ENGINE"] == "django.db.backends.sqlite3":
        DATABASES["cache"]["OPTIONS"] = {**SQLITE_OPTIONS, **DATABASES["cache"].get("OPTIONS", {})}
    CACHES = {
        "default": {
            "BACKEND": "newsroom.caching.SharedDatabaseCache",
            "LOCATION": "newsroom_cache",
            "TIMEOUT": CACHE_TIMEOUT,
            "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("CACHE_MAX_ENTRIES", "20000"))},
        }
    }
DATABASE_ROUTERS = ["newsroom.caching.CacheRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalization: French first, English available.
LANGUAGE_CODE = "fr"
# Each language is named in itself, as a language switch shows it.
LANGUAGES = [("fr", "Français"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Africa/Casablanca"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
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

# Security: strict when DEBUG is off, each value overridable for a particular proxy set-up.
if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

FIXTURE_DIRS = [BASE_DIR / "fixtures"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# --- django-countries ---
COUNTRIES_FIRST = ["MA"]

# --- django-import-export ---
# An import is one transaction: a single bad row writes nothing.
IMPORT_EXPORT_USE_TRANSACTIONS = True
IMPORT_EXPORT_SKIP_ADMIN_LOG = False
IMPORT_EXPORT_IMPORT_PERMISSION_CODE = "add"
IMPORT_EXPORT_EXPORT_PERMISSION_CODE = "view"
# CSV exports stream; an XLSX or JSON file is built whole in memory, so its rows are capped.
ADMIN_EXPORT_MAX_ROWS = int(os.environ.get("ADMIN_EXPORT_MAX_ROWS", "10000"))

# --- django-simple-history ---
SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True
SIMPLE_HISTORY_REVERT_DISABLED = False

# --- Django REST framework ---
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    # Anyone reads what is published; writing takes the model's add/change/delete permission.
    "DEFAULT_PERMISSION_CLASSES": [
        "rest_framework.permissions.DjangoModelPermissionsOrAnonReadOnly"
    ],
    # `ordering` comes from each FilterSet, shared with the pages, so DRF's OrderingFilter is
    # left out: the parameter works the same on both and appears once in the schema.
    "DEFAULT_FILTER_BACKENDS": [
        "newsroom.api_defaults.FilterBackend",
        "newsroom.api_defaults.SearchFilter",
    ],
    "DEFAULT_PARSER_CLASSES": ["newsroom.api_defaults.JSONParser"],
    "DEFAULT_PAGINATION_CLASS": "newsroom.api_defaults.PageNumberPagination",
    "PAGE_SIZE": 20,
    "DEFAULT_THROTTLE_CLASSES": [
        "newsroom.throttling.AnonRateThrottle",
        "newsroom.throttling.UserRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": os.environ.get("API_THROTTLE_ANON", "120/minute"),
        "user": os.environ.get("API_THROTTLE_USER", "1200/minute"),
    },
    "EXCEPTION_HANDLER": "newsroom.api_defaults.exception_handler",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
}

# --- drf-spectacular ---
SPECTACULAR_SETTINGS = {
    "TITLE": "Newsroom API",
    "DESCRIPTION": (
        "Morocco's security diplomacy as structured, sourced records: articles, officials, "
        "visits, meetings and events.\n\n"
        "- Anonymous clients read published records only; writing needs a token "
        "(`Authorization: Token <key>`) or a session, and the model's permissions. Moving a "
        "record to or from `published` also needs its `publish_*` permission.\n"
        "- Countries are ISO 3166-1 alpha-2 codes (`TR`).\n"
        "- Officials, events, organizations, topics, outlets and series are written by slug "
        "and read as `{slug, name, url}`; visits and meetings by id.\n"
        '- Every partial date is `{"value": "2025-11", "precision": "month"}`: the value is '
        "`YYYY-MM-DD`, `YYYY-MM` or `YYYY` and its form must match the precision; a start and "
        "an end share one precision.\n"
        "- Lists take `page` and `page_size` (at most 100), `search` and `ordering`.\n"
        "- Visits, meetings and events list their 20 newest sources; the articles on an "
        "event are all at `/api/v1/articles/?event=<slug>`.\n"
        "- A visit is written with its meetings and their participants, an official with other "
        "names and positions: one request, one transaction. An article's links to the records "
        "it reports are read-only here.\n"
        "- Bad input is a 400 naming the field; deleting a record others depend on is a 409. "
        "Messages follow `Accept-Language` (French by default)."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_GENERATE_CHOICE_DESCRIPTION": False,
    "ENUM_NAME_OVERRIDES": {
        "CountryEnum": "django_countries.countries",
        "StatusEnum": "visits.models.Status",
        "PrecisionEnum": "visits.dates.DatePrecision",
        "OrganizationKindEnum": "visits.models.Organization.Kind",
        "EventKindEnum": "visits.models.EventKind",
        "VisitKindEnum": "visits.models.Visit.Kind",
        "OfficialNameKindEnum": "visits.models.OfficialName.Kind",
    },
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}
