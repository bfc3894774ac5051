"""Every knob is read from the environment; the defaults give the embedded mode.

A fresh clone runs with no environment at all: SQLite and media under var/,
the in-process cache, DEBUG off. Production sets DATELINE_* variables, which
docs/operations.md lists.
"""

import os
import secrets
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    return default if value is None else value.strip().lower() in {"1", "true", "yes"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item]


DATA_DIR = Path(os.environ.get("DATELINE_DATA_DIR") or BASE_DIR / "var")
DATA_DIR.mkdir(parents=True, exist_ok=True)


def _secret_key() -> str:
    # Embedded mode keeps a generated key beside the database, so sessions
    # survive restarts without anyone having to configure one.
    if key := os.environ.get("DATELINE_SECRET_KEY"):
        return key
    path = DATA_DIR / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = _secret_key()
DEBUG = env_bool("DATELINE_DEBUG")
ALLOWED_HOSTS = env_list("DATELINE_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("DATELINE_CSRF_TRUSTED_ORIGINS", "")

# The public face of the site: used in pages, feeds and structured data.
SITE_NAME = os.environ.get("DATELINE_SITE_NAME", "The Dateline Times")
SITE_URL = os.environ.get("DATELINE_SITE_URL", "http://127.0.0.1:8000").rstrip("/")
SITE_LANGUAGE = os.environ.get("DATELINE_SITE_LANGUAGE", "en")
RECENT_POSTS_COUNT = int(os.environ.get("DATELINE_RECENT_POSTS", "6"))
TEASER_WORDS = int(os.environ.get("DATELINE_TEASER_WORDS", "15"))
ARTICLES_PER_PAGE = int(os.environ.get("DATELINE_ARTICLES_PER_PAGE", "20"))
# Searches per client address, as django-ratelimit's "count/period" (30/m).
SEARCH_RATE = os.environ.get("DATELINE_SEARCH_RATE", "30/m")
# Behind nginx every request comes from the proxy: the client is the address
# nginx appended last to X-Forwarded-For (deploy/nginx.conf).
SEARCH_CLIENT_FROM_FORWARDED_FOR = env_bool("DATELINE_BEHIND_PROXY")
# Feeds, structured data and the JSON API (dateline.distribution).
FEED_FULL_TEXT = env_bool("DATELINE_FEED_FULL_TEXT", True)  # off: excerpts only
FEED_ITEMS = int(os.environ.get("DATELINE_FEED_ITEMS", "50"))
# Static paths or absolute URLs: the publisher logo (600x60 suits Google) and
# the picture shared when an article has none of its own.
SITE_LOGO = os.environ.get("DATELINE_SITE_LOGO", "distribution/logo.png")
SITE_SHARE_IMAGE = os.environ.get("DATELINE_SITE_SHARE_IMAGE", "distribution/share.png")
API_RATE_LIMIT = os.environ.get("DATELINE_API_RATE_LIMIT", "120/m")  # per client
# Seconds a webhook subscriber has to answer each POST before it is retried.
WEBHOOK_TIMEOUT = float(os.environ.get("DATELINE_WEBHOOK_TIMEOUT", "10"))

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "huey.contrib.djhuey",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "dateline.accounts",
    "dateline.content",
    "dateline.publishing",
    "dateline.ingest",
    "dateline.newsroom",
    "dateline.search",
    "dateline.distribution",
    "dateline.reader",
    "dateline.cache",
    "dateline.serve",
    "dateline.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "dateline.cache.middleware.CacheHeadersMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "dateline.reader.middleware.ErrorPageMiddleware",
    "axes.middleware.AxesMiddleware",
    # Innermost: turns a 404 for an old WordPress permalink into a 301.
    "dateline.ingest.redirects.LegacyRedirectMiddleware",
]

ROOT_URLCONF = "dateline.urls"
WSGI_APPLICATION = "dateline.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "dateline.reader.context_processors.site",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get(
            "DATELINE_DATABASE_URL", f"sqlite:///{DATA_DIR / 'dateline.sqlite3'}"
        ),
        conn_max_age=int(os.environ.get("DATELINE_DB_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # WAL lets readers proceed while the newsroom writes; IMMEDIATE avoids
    # "database is locked" on write upgrades from several workers.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

USE_REDIS = env_bool("DATELINE_USE_REDIS")
REDIS_URL = os.environ.get("DATELINE_REDIS_URL", "redis://127.0.0.1:6379/0")
if USE_REDIS:
    CACHES: dict[str, dict[str, object]] = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "dateline",
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "dateline",
            "OPTIONS": {"MAX_ENTRIES": 20000},
        }
    }

# The public page cache (dateline.cache): entries live in this cache alias;
# a change bumps the versions of the keys it touches.
PAGE_CACHE = env_bool("DATELINE_PAGE_CACHE", True)
PAGE_CACHE_ALIAS = "default"
PAGE_CACHE_TTL = int(os.environ.get("DATELINE_PAGE_CACHE_TTL", "86400"))
PAGE_BROWSER_TTL = int(os.environ.get("DATELINE_BROWSER_TTL", "60"))
PAGE_STALE_WHILE_REVALIDATE = 60
PAGE_STALE_IF_ERROR = 86400
PAGE_SNAPSHOT_DIR = Path(
    os.environ.get("DATELINE_SNAPSHOT_DIR", DATA_DIR / "snapshots")
)
PAGE_PURGER = os.environ.get("DATELINE_PURGER", "dateline.cache.purgers.base.Purger")
PAGE_PURGE_URL = os.environ.get("DATELINE_PURGE_URL", "")
PAGE_PURGE_TOKEN = os.environ.get("DATELINE_PURGE_TOKEN", "")

# Background work (scheduled publishing, feed polling) runs on huey: a
# SQLite queue beside the database by default, Redis in production. The
# consumer runs inside `dateline serve`, or alone as `dateline run_huey`.
HUEY = {
    "name": "dateline",
    "immediate": env_bool("DATELINE_TASKS_IMMEDIATE"),
    "consumer": {"workers": 2, "worker_type": "thread", "periodic": True},
    **(
        {"huey_class": "huey.RedisHuey", "url": REDIS_URL}
        if USE_REDIS
        else {
            "huey_class": "huey.SqliteHuey",
            "filename": str(DATA_DIR / "tasks.sqlite3"),
        }
    ),
}

# The newsroom: sign-in, two factors, throttling (dateline.accounts, .newsroom).
AUTHENTICATION_BACKENDS = [
    # AxesBackend (not the standalone one) so that force_login and sessions
    # made with it can load their user again.
    "axes.backends.AxesBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",  # reads older hashes
]
LOGIN_URL = "newsroom:sign_in"
LOGIN_REDIRECT_URL = "newsroom:stories"
# Roles that must confirm a one-time code; DATELINE_REQUIRE_2FA=0 turns it off.
DATELINE_TWO_FACTOR_ROLES = (
    ("editor", "admin") if env_bool("DATELINE_REQUIRE_2FA", True) else ()
)
OTP_TOTP_ISSUER = SITE_NAME
# Five wrong passwords lock that account, and separately that address, for
# 15 minutes; a correct sign-in clears the count.
AXES_FAILURE_LIMIT = int(os.environ.get("DATELINE_SIGN_IN_ATTEMPTS", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("DATELINE_SIGN_IN_COOLOFF_HOURS", "0.25"))
AXES_LOCKOUT_PARAMETERS = ["ip_address", "username"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "newsroom/locked_out.html"
AXES_VERBOSE = False
# Uploads: the media library refuses larger files and larger pictures.
MEDIA_MAX_BYTES = int(os.environ.get("DATELINE_MEDIA_MAX_BYTES", str(20 * 1024 * 1024)))
MEDIA_MAX_PIXELS = int(os.environ.get("DATELINE_MEDIA_MAX_PIXELS", "50000000"))
MEDIA_RENDITION_WIDTHS = (320, 640, 960, 1280, 1920)
# A request body other than a file upload: a story's longest body (500,000
# characters) sent as JSON with every character escaped is about 6 MB.
DATA_UPLOAD_MAX_MEMORY_SIZE = 8 * 1024 * 1024

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
USE_I18N = True
USE_TZ = True
# Times are stored in UTC and shown in the site's zone.
TIME_ZONE = os.environ.get("DATELINE_TIME_ZONE", "UTC")

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DATELINE_MEDIA_ROOT", DATA_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        # Hashed names let browsers and CDNs keep static files forever.
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if env_bool("DATELINE_HASHED_STATIC", not DEBUG)
        else "django.contrib.staticfiles.storage.StaticFilesStorage",
    },
}
WHITENOISE_USE_FINDERS = DEBUG

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 12 * 3600  # one working day
CSRF_COOKIE_HTTPONLY = True  # scripts read the token from the form instead
SESSION_COOKIE_SECURE = env_bool("DATELINE_SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("DATELINE_BEHIND_PROXY") else None
)

# One strict policy for every page, public and newsroom: no inline script
# or style, nothing from other origins (https://www.w3.org/TR/CSP3/).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DATELINE_LOG", "INFO")},
}
