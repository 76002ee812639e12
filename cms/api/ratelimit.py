"""Partner keys and rate tiers: fixed one-minute windows counted in the shared cache.

Only requests that reach the database are counted (cached answers and 304s are free), so a
partner serving many visitors from our cache is never throttled.

The shared counter of a window counts requests *reserved* by all processes. A process reserves
a few at a time (``batch``: 0.1 % of the tier's limit, at most ``MAX_BATCH``; one for the
default tiers) in one round trip, and spends them without asking again. A reservation is
granted only up to the limit, so all processes together never serve more than the limit in a
window; what a process reserved but did not use before the window ended is lost (at most
``batch - 1`` per process and identity: the limit is never exceeded, at worst slightly under-
served). Once a window is spent for an identity, this process answers 429 without asking.
"""

import hashlib
import threading
import time

from django.conf import settings

from cms.client_ip import client_ip

from .caching import _cache, cache_get, cache_set
from .errors import ApiError
from .models import PartnerKey

WINDOW_SECONDS = 60
KEY_CACHE_SECONDS = 60
MAX_BATCH = 100
BATCH_SHARE = 1000  # a reservation is at most 1/BATCH_SHARE of the limit
MAX_IDENTITIES = 10_000  # local allowances kept per window (beyond: dropped, never widened)
_MISSING = "-"
_SPENT = -1

_lock = threading.Lock()
_local = {"window": None, "left": {}}  # this process's allowances in the current window


def tier_for(request) -> tuple[str, str]:
    """(tier, identity) for the request; 401 for an unknown or inactive key."""
    raw = request.headers.get("X-API-Key", "").strip()
    if not raw:
        return "anonymous", "ip:" + client_ip(request)
    # Hashed: a header may hold any characters (memcached refuses spaces and controls), and the
    # whole key decides, not a prefix; no partner's key is kept in the cache in clear.
    cache_key = "partner_api:key:" + hashlib.sha256(raw.encode()).hexdigest()
    found = cache_get(cache_key)
    if found is None:
        row = PartnerKey.objects.filter(key=raw, is_active=True).values("id", "tier").first()
        found = f"{row['id']}:{row['tier']}" if row else _MISSING
        cache_set(cache_key, found, KEY_CACHE_SECONDS)
    if found == _MISSING:
        raise ApiError(
            401,
            "invalid_api_key",
            "X-API-Key is unknown or revoked. Send no key for anonymous access, "
            "or ask the PROTECT team for a new key.",
        )
    key_id, tier = found.split(":", 1)
    return tier, "key:" + key_id


def batch(limit: int) -> int:
    return max(1, min(MAX_BATCH, limit // BATCH_SHARE))


def check(request) -> None:
    """Count one uncached request; raise 429 with Retry-After when the tier's limit is spent."""
    tier, identity = tier_for(request)
    limit = settings.PARTNER_API_RATE_TIERS.get(tier)
    if not limit:
        return
    now = time.time()
    window = int(now // WINDOW_SECONDS)
    if _take(identity, window, limit):
        return
    retry_after = max(1, int((window + 1) * WINDOW_SECONDS - now) + 1)
    raise ApiError(
        429,
        "rate_limited",
        f"Rate limit of {limit} uncached requests per minute for the {tier} tier reached. "
        f"Retry after {retry_after} seconds, or ask for a partner key with a higher tier.",
        {"Retry-After": str(retry_after)},
    )


def _take(identity: str, window: int, limit: int) -> bool:
    """Spend one request of this window: from this process's allowance, else reserved."""
    with _lock:
        left = _allowances(window).get(identity, 0)
        if left == _SPENT:
            return False
        if left > 0:
            _local["left"][identity] = left - 1
            return True
    size = batch(limit)
    granted = _reserve(f"partner_api:rate:{identity}:{window}", size, limit)
    if granted is None:  # no cache, no counting: availability beats throttling
        return True
    with _lock:
        allowances = _allowances(window)
        if granted == 0:
            allowances[identity] = _SPENT
            return False
        if len(allowances) >= MAX_IDENTITIES:
            allowances.clear()
        allowances[identity] = max(0, allowances.get(identity, 0)) + granted - 1
    return True


def _allowances(window: int) -> dict:
    """This process's allowances, emptied when a new window starts (call with the lock)."""
    if _local["window"] != window:
        _local["window"], _local["left"] = window, {}
    return _local["left"]


def _reserve(key: str, size: int, limit: int) -> int | None:
    """Reserve ``size`` requests of the window ``key``: how many of them the limit grants, or
    None when the cache cannot count."""
    try:
        used = _incr(key, size)
    except Exception:
        return None
    if used is None:  # django-redis ignoring an outage (IGNORE_EXCEPTIONS) answers None
        return None
    return max(0, min(size, limit - (used - size)))


def _incr(key: str, size: int) -> int | None:
    """Add ``size`` to the window's counter, created with its expiry: one round trip on
    django-redis (a pipeline), ``add`` + ``incr`` on other backends."""
    cache = _cache()
    client = getattr(cache, "client", None)
    if hasattr(client, "get_client") and hasattr(cache, "make_and_validate_key"):
        name = cache.make_and_validate_key(key)
        pipe = client.get_client(write=True).pipeline(transaction=False)
        pipe.set(name, 0, ex=WINDOW_SECONDS + 5, nx=True)
        pipe.incrby(name, size)
        return pipe.execute()[1]
    cache.add(key, 0, WINDOW_SECONDS + 5)
    return cache.incr(key, size)


def forget() -> None:
    """Drop this process's allowances (tests: a fresh shared cache starts every count anew)."""
    with _lock:
        _local["window"], _local["left"] = None, {}
