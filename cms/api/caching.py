"""The response cache and invalidation (our cache and the CDN).

Every partner-visible change calls ``invalidate()``: once the transaction commits, the content
gets a new version token (``versions.py``, kept in the database so every process sees it).
Cache keys and ETags include the token, so every cached response of every endpoint in every
locale becomes stale at once; no enumeration of affected URLs is needed for our own cache.
The CDN is purged through Wagtail's frontend-cache backends (``WAGTAILFRONTENDCACHE``).

Response keys are looked up in this process's LRU first (``local_cache.py``: why that is safe
across processes), then in the shared cache; a shared hit fills the LRU, a write goes to both.

Cache failures never become errors: a broken cache degrades to uncached answers.
"""

import hashlib
import logging
from datetime import datetime
from functools import partial

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

from cms import addresses, bulk_mode, languages

from . import local_cache, versions

logger = logging.getLogger(__name__)

API_PREFIX = "/api/partner/v1/"
CACHE_CONTROL = "public, max-age=60, s-maxage=300, stale-while-revalidate=86400"
RESPONSE_PREFIX = "partner_api:response:"


def _cache():
    return caches[getattr(settings, "PARTNER_API_CACHE", "default")]


def cache_get(key: str):
    token = _token_of(key)
    if token is not None and (found := local_cache.get(key, token)) is not None:
        return found
    try:
        found = _cache().get(key)
    except Exception:  # a cache outage degrades to "miss"
        logger.warning("Partner API: cache read failed", exc_info=True)
        return None
    if token is not None and found is not None:
        # The shared cache's remaining TTL is unknown: the LRU's own bound applies.
        local_cache.put(key, token, found, settings.PARTNER_API_CACHE_SECONDS)
    return found


def cache_set(key: str, value, timeout: int) -> None:
    if (token := _token_of(key)) is not None:
        local_cache.put(key, token, value, timeout)
    try:
        if not _set_without_reply(key, value, timeout):
            _cache().set(key, value, timeout)
    except Exception:
        logger.warning("Partner API: cache write failed", exc_info=True)


def _set_without_reply(key: str, value, timeout: int) -> bool:
    """On Redis (django-redis), write without waiting for the answer: ``CLIENT REPLY SKIP``
    then ``SET`` in one send, so a miss does not wait a round trip for its own cache write.
    A lost write is a later miss, as any cache failure. Commands on one connection run in
    order, so a read after it on the same connection sees it. False: not Redis, write normally.
    """
    client = getattr(_cache(), "client", None)
    if not (hasattr(client, "get_client") and hasattr(client, "encode")):
        return False
    if not isinstance(timeout, int) or timeout <= 0:
        return False
    redis = client.get_client(write=True)
    pool = getattr(redis, "connection_pool", None)
    if pool is None:  # a cluster client: no single connection to write on
        return False
    connection = pool.get_connection()
    try:
        name, data = client.make_key(key), client.encode(value)
        command = (("CLIENT", "REPLY", "SKIP"), ("SET", name, data, "EX", timeout))
        connection.send_packed_command(connection.pack_commands(command))
    except Exception:
        connection.disconnect()
        raise
    finally:
        pool.release(connection)
    return True


def _token_of(key: str) -> str | None:
    """The content-version token of a response key (``response_key``); None for other keys."""
    if not key.startswith(RESPONSE_PREFIX):
        return None
    return key[len(RESPONSE_PREFIX) :].partition(":")[0]


def current_version() -> tuple[str, datetime]:
    """(token, changed_at) of the content, as every process sees it (within a second)."""
    return versions.current()


def invalidate(purge_paths: list[str] | tuple[str, ...] = ()) -> None:
    """Make every cached partner response stale (after the current transaction commits).

    ``purge_paths``: API paths (under ``/api/partner/v1/``) to purge from the CDN in addition to
    the listing roots; detail paths of the changed objects, e.g. ``pages/12/``. In bulk mode
    (``cms.bulk_mode``) one bump and one purge of all the paths end the whole bulk operation.
    """

    def run(*paths):
        versions.bump()
        purge_cdn(list(dict.fromkeys(paths)))

    if bulk_mode.active():
        bulk_mode.defer(
            "partner_api.invalidate",
            lambda *paths: transaction.on_commit(partial(run, *paths)),
            *purge_paths,
        )
        return
    transaction.on_commit(partial(run, *purge_paths))


def response_key(version: str, host: str, path: str, query: str) -> str:
    """``query``: the canonical query of the known parameters (see ``middleware.py``)."""
    digest = hashlib.sha256(f"{host}|{path}?{query}".encode()).hexdigest()
    return f"{RESPONSE_PREFIX}{version}:{digest}"


def etag_for(version: str, path: str, query: str) -> str:
    """Weak ETag: same version + same URL ⇒ same content. Computed before any serialisation.

    Without the host: answers do not depend on it (URLs come from PUBLIC_BASE_URL), so every
    server behind a balancer, whatever name it is reached by, gives the same ETag.
    """
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
    base = addresses.base_url() + API_PREFIX
    urls = []
    for path in (*LISTING_PATHS, *paths):
        urls.append(base + path)
        urls.extend(f"{base}{path}?locale={code}" for code in languages.codes())
    try:
        purge_urls_from_cache(urls)
    except Exception:  # a CDN hiccup must not break publishing
        logger.warning("Partner API: CDN purge failed", exc_info=True)
