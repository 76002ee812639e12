"""The content version, the response cache and invalidation (local cache and CDN).

Every partner-visible change calls ``invalidate()``: it gives the content a new version token.
Cache keys and ETags include the token, so every cached response of every endpoint in every
locale becomes stale at once; no enumeration of affected URLs is needed for our own cache.
The CDN is purged through Wagtail's frontend-cache backends (``WAGTAILFRONTENDCACHE``).

Cache failures never become errors: a broken cache degrades to uncached answers.
"""

import hashlib
import logging
import uuid
from datetime import datetime

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.utils import timezone
from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

from cms import languages

from .models import ContentVersion

logger = logging.getLogger(__name__)

VERSION_KEY = "partner_api:version"
API_PREFIX = "/api/partner/v1/"


def _cache():
    return caches[getattr(settings, "PARTNER_API_CACHE", "default")]


def cache_get(key: str):
    try:
        return _cache().get(key)
    except Exception:  # a cache outage degrades to "miss"
        logger.warning("Partner API: cache read failed", exc_info=True)
        return None


def cache_set(key: str, value, timeout: int) -> None:
    try:
        _cache().set(key, value, timeout)
    except Exception:
        logger.warning("Partner API: cache write failed", exc_info=True)


def current_version() -> tuple[str, datetime]:
    """(token, changed_at). Cached; read from the database when the cache has lost it."""
    cached = cache_get(VERSION_KEY)
    if cached:
        return cached
    row = ContentVersion.objects.filter(pk=1).first()  # made by the migration
    if row is None:
        row, _ = ContentVersion.objects.get_or_create(pk=1)
    value = (row.token, row.changed_at)
    cache_set(VERSION_KEY, value, None)
    return value


def _bump() -> None:
    token, now = uuid.uuid4().hex, timezone.now()
    updated = ContentVersion.objects.filter(pk=1).update(token=token, changed_at=now)
    if not updated:
        ContentVersion.objects.create(pk=1, token=token, changed_at=now)
    cache_set(VERSION_KEY, (token, now), None)


def invalidate(purge_paths: list[str] | tuple[str, ...] = ()) -> None:
    """Make every cached partner response stale (after the current transaction commits).

    ``purge_paths``: API paths (under ``/api/partner/v1/``) to purge from the CDN in addition to
    the listing roots; detail paths of the changed objects, e.g. ``pages/12/``.
    """

    def run():
        _bump()
        purge_cdn(purge_paths)

    transaction.on_commit(run)


def response_key(version: str, path: str, query: str) -> str:
    digest = hashlib.sha256(f"{path}?{query}".encode()).hexdigest()
    return f"partner_api:response:{version}:{digest}"


def etag_for(version: str, path: str, query: str) -> str:
    """Weak ETag: same version + same URL ⇒ same content. Computed before any serialisation."""
    digest = hashlib.sha256(f"{version}|{path}?{query}".encode()).hexdigest()[:32]
    return f'W/"{digest}"'


LISTING_PATHS = ("pages/", "videos/", "changes/", "materials/", "countries/", "services/")


def purge_cdn(paths=()) -> None:
    """Purge the CDN (Wagtail frontend cache) for the listing roots and the given paths.

    CDNs key on the full URL including the query string; the listing roots are purged for every
    locale (``?locale=<code>``), other variants expire through ``s-maxage`` (300 s).
    """
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + API_PREFIX
    urls = []
    for path in (*LISTING_PATHS, *paths):
        urls.append(base + path)
        urls.extend(f"{base}{path}?locale={code}" for code in languages.codes())
    try:
        purge_urls_from_cache(urls)
    except Exception:  # a CDN hiccup must not break publishing
        logger.warning("Partner API: CDN purge failed", exc_info=True)
