"""Benchmark (``make bench``): production-like serving (DEBUG off, persistent connections, no
debug toolbar), plus what only a benchmark may have: the stock Wagtail v2 API and a bare JSON
view as baselines, a header that bypasses the partner response cache (cold requests), the
number of queries per request in a response header, and no rate limit.

Database: DATABASE_URL when set, else ``var/bench.sqlite3`` (never the development database).
"""

import os

import dj_database_url

from .base import *  # noqa: F403
from .base import BASE_DIR, INSTALLED_APPS, MIDDLEWARE
from .base import DATABASES as BASE_DATABASES

SECRET_KEY = os.environ.get("SECRET_KEY") or "bench-only-not-a-secret"
DEBUG = False
ALLOWED_HOSTS = ["*"]
INSTALLED_APPS = [*INSTALLED_APPS, "cms.bench", "wagtail.api.v2", "rest_framework"]
ROOT_URLCONF = "cms.bench.urls"
MIDDLEWARE = ["cms.bench.middleware.QueryCountMiddleware", *MIDDLEWARE]

if not os.environ.get("DATABASE_URL"):
    DATABASES = {  # noqa: F811
        "default": dj_database_url.parse(
            f"sqlite:///{os.environ.get('BENCH_SQLITE', BASE_DIR / 'var' / 'bench.sqlite3')}"
        )
    }
    # The same SQLite set-up as ``make run`` (base: WAL, synchronous=NORMAL, IMMEDIATE): with
    # the default rollback journal every commit waits for the disk, 4 ms each, ~700 in the demo.
    DATABASES["default"]["OPTIONS"] = dict(BASE_DATABASES["default"]["OPTIONS"])

# Requests carrying this header skip the partner response cache: every one is a miss ("cold").
PARTNER_API_BENCH_COLD_HEADER = "HTTP_X_BENCH_COLD"
PARTNER_API_RATE_TIERS = {"anonymous": 10**9, "standard": 10**9, "premium": 10**9}
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
WAGTAILAPI_LIMIT_MAX = 100
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
