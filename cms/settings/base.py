"""Settings shared by every environment.

Defaults need no environment variables: SQLite, local media, local-memory cache. Services switch
on through the environment: DATABASE_URL (PostgreSQL), REDIS_URL (cache), AWS_STORAGE_BUCKET_NAME
and friends (S3 media).
"""

import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url

from cms import languages

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in ("1", "true", "yes", "on")


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
# The one public address (cms/addresses.py): Wagtail Site, API URLs, e-mail links, CDN purges.
PUBLIC_BASE_URL = os.environ.get("PUBLIC_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
_public_host = urlsplit(PUBLIC_BASE_URL).hostname or "127.0.0.1"
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", f"{_public_host},localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # PROTECT apps
    "home",
    "protect",
    "materials",
    "cms.api",  # label partner_api
    "cms.webhooks",
    "cms.public",  # label public_site: embed player, sitemap, public headers
    "cms.translation",  # translation queue: tasks, teams, review, exchange, QA
    "cms.translation.memory",  # label translation_memory: translation memory and glossary
    "cms.ops",  # health check, worker heartbeats, periodic jobs
    # Wagtail
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.frontend_cache",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "cms.uploads",  # after documents and images: replaces their file clean-up (retried)
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    # Django
    "django_tasks",
    "django_tasks_db",
    "storages",
    "corsheaders",
    "ninja",  # offline Swagger UI assets for the partner API docs
    "csp",  # Content-Security-Policy on every answer (cms/settings/security.py)
    "axes",  # admin login rate limit (cms/settings/security.py)
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "cms.public.middleware.PublicHeadersMiddleware",  # outside sessions/CSRF: drops embed cookies
    "corsheaders.middleware.CorsMiddleware",
    "cms.api.middleware.PartnerApiMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "csp.middleware.CSPMiddleware",
    "cms.csp.AdminScriptPolicyMiddleware",  # inline scripts in Wagtail's admin only
    "axes.middleware.AxesMiddleware",  # last, as django-axes requires
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "cms.context_processors.languages",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------
# SQLite by default; DATABASE_URL (postgres://…) switches to PostgreSQL through psycopg 3 with
# persistent connections that are health-checked before reuse.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "600")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded default must hold an editor, the web server and the task worker at once:
    # WAL lets readers run beside the one writer; IMMEDIATE takes the write lock when a
    # transaction starts (a read-then-write transaction can then never fail half-way with
    # "database is locked"); the busy timeout makes a writer wait its turn instead of failing.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL;PRAGMA synchronous=NORMAL",
        }
    )
    DATABASES["default"]["CONN_MAX_AGE"] = 0
# The hot raw reads of cms/prepared.py are prepared once per PostgreSQL connection. Off (0) behind
# a pooler in transaction mode (pgbouncer): statements prepared in one session are missing in the
# next. Django turns psycopg's preparing off (prepare_threshold None); on, psycopg's own default
# threshold changes nothing else: the ORM's client-side-binding cursors never prepare.
DATABASE_PREPARED_STATEMENTS = env_bool("DATABASE_PREPARED_STATEMENTS", True)
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "prepare_threshold", 5 if DATABASE_PREPARED_STATEMENTS else None
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache ----------------------------------------------------------------------------------
# Local memory by default, Redis with REDIS_URL, or CACHE_BACKEND=database (a table made by
# `manage.py createcachetable`, run by `make migrate`). Correctness never depends on which: the
# partner API's content version is read from the database by every process (cms/api/versions.py).
REDIS_URL = os.environ.get("REDIS_URL", "")
CACHE_BACKEND = os.environ.get("CACHE_BACKEND", "redis" if REDIS_URL else "locmem")
CACHE_KEY_PREFIX = os.environ.get("CACHE_KEY_PREFIX", "protect")  # several sites, one Redis
if CACHE_BACKEND == "redis":
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL or "redis://127.0.0.1:6379/0",
            "OPTIONS": {
                # A cache outage degrades to uncached answers rather than errors.
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 1,
                "SOCKET_TIMEOUT": 1,
            },
            "KEY_PREFIX": CACHE_KEY_PREFIX,
        }
    }
    DJANGO_REDIS_IGNORE_EXCEPTIONS = True
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
elif CACHE_BACKEND == "database":
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "protect_cache",
            "KEY_PREFIX": CACHE_KEY_PREFIX,
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "protect",
        }
    }

# --- Passwords and auth ---------------------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "wagtailadmin_login"
# Sessions live in the database (Django's default, kept explicit): a cache outage (Redis down)
# must not log every editor out.
SESSION_ENGINE = "django.contrib.sessions.backends.db"

from .security import *  # noqa: E402, F403  CSP, rate-limited admin login

# --- Languages ------------------------------------------------------------------------------
# Everything here comes from cms/languages.json (see cms/languages.py).
languages.register_with_django()
LANGUAGE_CODE = languages.default().code
LANGUAGES = languages.django_languages()
LANGUAGES_BIDI = languages.rtl_codes()
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"
LOCALE_PATHS = [BASE_DIR / "locale"]
# The admin speaks the languages both Wagtail and Django translate; content uses all 23.
WAGTAILADMIN_PERMITTED_LANGUAGES = [
    (code, name)
    for code, name in LANGUAGES
    if code in {"en", "nl", "fr", "bg", "el", "hu", "it", "pl", "sl", "es", "ar", "fa", "tr", "ru"}
]

# --- Static and media -----------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static"))
STATICFILES_DIRS = []
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))

AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
# "private" holds files no URL may serve (translation export zips with unpublished text); they
# reach their owner only through permission-checked views.
PRIVATE_ROOT = Path(os.environ.get("PRIVATE_ROOT", BASE_DIR / "var" / "private"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_ROOT, "base_url": None},
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
if AWS_STORAGE_BUCKET_NAME:
    # django-storages S3: works with AWS and with S3-protocol servers (MinIO, Ceph, moto).
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "access_key": os.environ.get("AWS_ACCESS_KEY_ID") or None,
            "secret_key": os.environ.get("AWS_SECRET_ACCESS_KEY") or None,
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            # Same-named uploads get a new name instead of replacing another record's file.
            "file_overwrite": False,
            # Partners need download URLs that do not expire: files are served through the CMS
            # (or a public custom domain), never through signed URLs.
            "querystring_auth": False,
            "default_acl": None,
        },
    }

# The private store (export zips) on S3 too: a bucket of its own that nothing serves publicly.
PRIVATE_STORAGE_BUCKET_NAME = os.environ.get("PRIVATE_STORAGE_BUCKET_NAME", "")
if PRIVATE_STORAGE_BUCKET_NAME:
    STORAGES["private"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": PRIVATE_STORAGE_BUCKET_NAME,
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "access_key": os.environ.get("AWS_ACCESS_KEY_ID") or None,
            "secret_key": os.environ.get("AWS_SECRET_ACCESS_KEY") or None,
            "file_overwrite": False,
            "default_acl": "private",
            "querystring_auth": True,  # never a public URL; the job views stream the files
            "custom_domain": None,
        },
    }

# --- Uploads --------------------------------------------------------------------------------
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
PROTECT_UPLOAD_MAX_BYTES = int(os.environ.get("PROTECT_UPLOAD_MAX_BYTES", 50 * 1024 * 1024))
# Per-purpose overrides of the limit above (purposes: see cms/uploads/policy.py).
PROTECT_UPLOAD_MAX_BYTES_BY_PURPOSE = {
    "video": int(os.environ.get("PROTECT_VIDEO_UPLOAD_MAX_BYTES", 1024 * 1024 * 1024)),
}
# Wagtail's image and document uploads go through the same checks (cms/uploads/forms.py).
WAGTAILIMAGES_IMAGE_FORM_BASE = "cms.uploads.forms.SafeImageForm"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "cms.uploads.forms.SafeDocumentForm"

# --- Background work (cms/ops; docs/deployment.md) ----------------------------------------
# django-tasks. `manage.py run_worker` runs the queue (make run and make serve start it) with a
# heartbeat, the reclaim of jobs of dead workers and the periodic jobs below.
# Default: the database backend (no extra service). TASKS_BACKEND=rq: Redis through RQ
# (RQ_REDIS_URL, else REDIS_URL). Any other value is a backend's dotted path.
TASKS_BACKEND = os.environ.get("TASKS_BACKEND", "database")
_TASK_BACKENDS = {"database": "django_tasks_db.DatabaseBackend", "rq": "django_tasks_rq.RQBackend"}
TASKS = {"default": {"BACKEND": _TASK_BACKENDS.get(TASKS_BACKEND, TASKS_BACKEND)}}
if TASKS["default"]["BACKEND"] == _TASK_BACKENDS["rq"]:
    INSTALLED_APPS += ["django_rq", "django_tasks_rq"]
    RQ_QUEUES = {
        "default": {
            "URL": os.environ.get("RQ_REDIS_URL") or REDIS_URL or "redis://127.0.0.1:6379/0",
            "DEFAULT_TIMEOUT": int(os.environ.get("RQ_JOB_TIMEOUT", "3600")),
        }
    }
    TASKS["default"]["QUEUES"] = list(RQ_QUEUES)  # RQ needs each queue declared
PROTECT_WORKER_HEARTBEAT_SECONDS = float(os.environ.get("WORKER_HEARTBEAT_SECONDS", "10"))
# A worker silent this long is dead: /healthz reports it and its running jobs are re-queued.
PROTECT_WORKER_STALE_SECONDS = float(os.environ.get("WORKER_STALE_SECONDS", "60"))
# Jobs of workers that never sent a heartbeat (a plain `db_worker`) are re-queued after this.
PROTECT_TASK_ABANDONED_SECONDS = float(os.environ.get("TASK_ABANDONED_SECONDS", "21600"))
PROTECT_SCHEDULER_SECONDS = float(os.environ.get("SCHEDULER_SECONDS", "15"))
# The periodic jobs: management commands, each run once per period across all workers.
PROTECT_PERIODIC_JOBS = {
    "publish_scheduled": {"every": 60, "command": ["publish_scheduled"]},
    "resume_webhooks": {"every": 60, "command": ["webhooks_resume"]},
    "delete_expired_exports": {"every": 3600, "command": ["delete_expired_exports"]},
}
if TASKS["default"]["BACKEND"] == _TASK_BACKENDS["database"]:
    PROTECT_PERIODIC_JOBS["prune_task_results"] = {
        "every": 86400,
        "command": ["prune_db_task_results", "--min-age-days", "7"],
    }
# Export zips (unpublished text) are deleted this long after they were made.
PROTECT_EXPORT_RETENTION_HOURS = int(os.environ.get("EXPORT_RETENTION_HOURS", "72"))

# --- Translation queue (cms/translation) -------------------------------------------------
# Machine pre-translation backends by key; a locale picks one in its policy, else the default.
# "offline" needs no network (tests, demo). DeepL/LibreTranslate switch on with their keys.
PROTECT_MACHINE_TRANSLATORS = {
    "offline": {"CLASS": "cms.translation.machine.OfflineTranslator"},
}
if os.environ.get("DEEPL_AUTH_KEY"):
    PROTECT_MACHINE_TRANSLATORS["deepl"] = {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": os.environ["DEEPL_AUTH_KEY"]},
    }
if os.environ.get("LIBRETRANSLATE_URL"):
    PROTECT_MACHINE_TRANSLATORS["libretranslate"] = {
        "CLASS": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
        "OPTIONS": {
            "LIBRETRANSLATE_URL": os.environ["LIBRETRANSLATE_URL"],
            "API_KEY": os.environ.get("LIBRETRANSLATE_API_KEY", ""),
        },
    }
PROTECT_MACHINE_TRANSLATOR_DEFAULT = os.environ.get("MACHINE_TRANSLATOR", "offline")
# Seconds a provider may take for one task's strings, in all (cms/translation/machine.py).
PROTECT_MACHINE_TRANSLATION_TIMEOUT = int(os.environ.get("MACHINE_TRANSLATION_TIMEOUT", "30"))
# Subtitle cue segments are recognised by these context-path fragments.
PROTECT_TRANSLATION_QA = {
    "SUBTITLE_PATH_MARKERS": ["cues"],
}

# --- Wagtail --------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "PROTECT"

# Survivor safety: where the quick-exit control (data-quick-exit) sends the visitor; a neutral,
# common site (cms/public/static/public_site/quick-exit.js).
QUICK_EXIT_URL = os.environ.get("QUICK_EXIT_URL", "https://www.wikipedia.org/")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", PUBLIC_BASE_URL)
# PostgreSQL text search with the "simple" configuration: the same rules (no stemming, no stop
# words) for all 23 languages, rather than English stemming applied to Arabic or Tigrinya.
# Changing it needs `manage.py update_index` (cms/api/search.py explains the partner search).
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "simple"}
}
WAGTAILDOCS_SERVE_METHOD = "serve_view"  # private collections are checked on every download
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILDOCS_EXTENSIONS = ["pdf", "vtt", "srt"]
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No third-party requests from the admin: Gravatar would tell a US service who works on content
# about survivors of violence (and when). Avatars are uploaded in the account settings instead.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {
        "WIDGET": "wagtail.admin.rich_text.DraftailRichTextArea",
        "OPTIONS": {
            "features": ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]
        },
    }
}

# CORS: only the partner API and subtitle files (see cms/urls.py); never with credentials.
CORS_URLS_REGEX = r"^/api/partner/.*$"
CORS_ALLOW_ALL_ORIGINS = not env_list("PARTNER_ORIGINS")
CORS_ALLOWED_ORIGINS = env_list("PARTNER_ORIGINS")
CORS_ALLOW_CREDENTIALS = False
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_HEADERS = ["accept", "if-none-match", "if-modified-since", "x-api-key"]
CORS_EXPOSE_HEADERS = ["etag", "last-modified", "content-language", "retry-after"]

# --- Partner API and webhooks (cms/api, cms/webhooks; see docs/partner-api.md) -----------------
PARTNER_API_CACHE = "default"
PARTNER_API_CACHE_SECONDS = int(os.environ.get("PARTNER_API_CACHE_SECONDS", 3600))
# Each process's LRU of answers in front of that cache (cms/api/local_cache.py); 0 disables it.
PARTNER_API_LOCAL_CACHE_BYTES = int(os.environ.get("PARTNER_API_LOCAL_CACHE_BYTES", 16 * 2**20))
# Uncached requests per minute: anonymous by client IP, keyed tiers by partner key.
PARTNER_API_RATE_TIERS = {"anonymous": 120, "standard": 1200, "premium": 6000}
# How many reverse proxies of ours stand in front of the app (cms/client_ip.py): 0 = use
# REMOTE_ADDR; N = the N-th X-Forwarded-For entry from the right. The old switch means 1.
TRUSTED_PROXY_COUNT = int(
    os.environ.get(
        "TRUSTED_PROXY_COUNT", "1" if env_bool("PARTNER_API_TRUST_X_FORWARDED_FOR") else "0"
    )
)
# Saving or deleting any model of these apps makes every cached API answer stale.
PARTNER_API_WATCHED_APPS = ["materials", "protect", "wagtaildocs", "wagtailimages"]
WEBHOOK_TIMEOUT_SECONDS = 10
# Retries 30 s, 1, 2 … 32 min apart, then hourly (cms/webhooks/models.py): 80 attempts keep
# an event for a receiver that is down about three days before it is marked failed.
WEBHOOK_MAX_ATTEMPTS = int(os.environ.get("WEBHOOK_MAX_ATTEMPTS", "80"))

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "protect-cms@localhost")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # Wagtail logs every page action at INFO; the audit log in the admin already records them.
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "wagtail": {"level": os.environ.get("WAGTAIL_LOG_LEVEL", "WARNING")},
        "django_tasks": {"level": "WARNING"},
    },
}
