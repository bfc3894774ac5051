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


DATA_DIR = Path(os.environ.get("DATELINE_DATA_DIR", BASE_DIR / "var"))
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
# Feeds, structured data and the JSON API (dateline.distribution).
FEED_FULL_TEXT = env_bool("DATELINE_FEED_FULL_TEXT", True)  # off: excerpts only
FEED_ITEMS = int(os.environ.get("DATELINE_FEED_ITEMS", "50"))
# Static paths or absolute URLs: the publisher logo (600x60 suits Google) and
# the picture shared when an article has none of its own.
SITE_LOGO = os.environ.get("DATELINE_SITE_LOGO", "distribution/logo.png")
SITE_SHARE_IMAGE = os.environ.get("DATELINE_SITE_SHARE_IMAGE", "distribution/share.png")
API_RATE_LIMIT = os.environ.get("DATELINE_API_RATE_LIMIT", "120/m")  # per client

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
    "dateline.accounts",
    "dateline.content",
    "dateline.publishing",
    "dateline.distribution",
    "dateline.reader",
    "dateline.serve",
    "dateline.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "dateline.reader.middleware.ErrorPageMiddleware",
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
    CACHES = {
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
        }
    }

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
        else {"huey_class": "huey.SqliteHuey", "filename": str(DATA_DIR / "tasks.sqlite3")}
    ),
}

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
SESSION_COOKIE_SECURE = env_bool("DATELINE_SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("DATELINE_BEHIND_PROXY") else None
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DATELINE_LOG", "INFO")},
}
