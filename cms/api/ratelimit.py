"""Partner keys and rate tiers: fixed one-minute windows counted in the cache.

Only requests that reach the database are counted (cached answers and 304s are free), so a
partner serving many visitors from our cache is never throttled.
"""

import hashlib
import time

from django.conf import settings

from cms.client_ip import client_ip

from .caching import _cache, cache_get, cache_set
from .errors import ApiError
from .models import PartnerKey

WINDOW_SECONDS = 60
KEY_CACHE_SECONDS = 60
_MISSING = "-"


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


def check(request) -> None:
    """Count one uncached request; raise 429 with Retry-After when the tier's limit is spent."""
    tier, identity = tier_for(request)
    limit = settings.PARTNER_API_RATE_TIERS.get(tier)
    if not limit:
        return
    now = time.time()
    window = int(now // WINDOW_SECONDS)
    key = f"partner_api:rate:{identity}:{window}"
    try:
        cache = _cache()
        cache.add(key, 0, WINDOW_SECONDS + 5)
        used = cache.incr(key)
    except Exception:  # no cache, no counting: availability beats throttling
        return
    if used is None:  # django-redis ignoring an outage (IGNORE_EXCEPTIONS) answers None
        return
    if used > limit:
        retry_after = max(1, int((window + 1) * WINDOW_SECONDS - now) + 1)
        raise ApiError(
            429,
            "rate_limited",
            f"Rate limit of {limit} uncached requests per minute for the {tier} tier reached. "
            f"Retry after {retry_after} seconds, or ask for a partner key with a higher tier.",
            {"Retry-After": str(retry_after)},
        )
