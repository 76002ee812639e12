"""The client's IP address, for rate limits and logs, taken safely behind reverse proxies.

``TRUSTED_PROXY_COUNT`` (default 0) says how many proxies of ours stand in front of the app.
0: ``REMOTE_ADDR``, and X-Forwarded-For is ignored (anyone can send it). N: each of our proxies
appends the address it received the request from, so the client is the N-th entry from the
right; entries further left were written by the client and are never trusted. A header with
fewer entries than N (a request that bypassed a proxy) falls back to ``REMOTE_ADDR``.
"""

import ipaddress

from django.conf import settings


def client_ip(request) -> str:
    remote = request.META.get("REMOTE_ADDR") or "unknown"
    count = int(getattr(settings, "TRUSTED_PROXY_COUNT", 0) or 0)
    if count <= 0:
        return remote
    header = request.META.get("HTTP_X_FORWARDED_FOR", "")
    entries = [entry.strip() for entry in header.split(",") if entry.strip()]
    if len(entries) < count:
        return remote
    candidate = entries[-count]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:  # a proxy of ours wrote garbage: do not key limits on it
        return remote


def axes_client_ip(request) -> str | None:
    """The address django-axes stores: a valid IP or None (its column is an IP field, and a
    request built in code — a login without a socket — has no REMOTE_ADDR)."""
    address = client_ip(request)
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return None
