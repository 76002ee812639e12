"""A small per-process LRU of partner API responses, in front of the shared cache (Redis).

A warm answer then costs no network round trip and no unpickling. Entries are what the
middleware stores in the shared cache (``{"content": bytes, "headers": dict}``), under the same
response key; callers must not mutate them. Bounded by ``PARTNER_API_LOCAL_CACHE_BYTES``
(0 disables the LRU) and by a TTL no longer than ``PARTNER_API_CACHE_SECONDS``.

Why it is safe when the worker, a second gunicorn worker or another host changes the data:
every response key contains the content-version token (``versions.py``), whose truth is the
database row; each process re-reads it at most every second, and every change gives a new
token once it has committed. A request therefore only asks for keys of the token it read from
the database, and the LRU answers a key with exactly what the shared cache holds (or held)
under that key: it never serves an answer the shared cache could not have served. When a
request's token differs from the token the LRU was filled under, the whole LRU is cleared: old
entries can never be asked for again once the row has changed, so they only take memory.
(A request that read the token just before a change can still arrive after it and clear the
entries of the new token: a few extra misses around a change, never a stale answer.)

Not cleared by flushing the shared cache: entries stay correct for their token and expire with
their TTL; a deploy restarts the processes. Tests clear it with ``clear()``.
"""

import threading
import time
from collections import OrderedDict

from django.conf import settings

DEFAULT_BYTES = 16 * 1024 * 1024
_OVERHEAD = 200  # per entry: the key, the dict and the tuple, roughly

_lock = threading.Lock()
_entries: OrderedDict[str, tuple[dict, int, float]] = OrderedDict()  # key → (entry, size, expiry)
_state = {"token": None, "bytes": 0}


def limit() -> int:
    return getattr(settings, "PARTNER_API_LOCAL_CACHE_BYTES", DEFAULT_BYTES)


def get(key: str, token: str) -> dict | None:
    if limit() <= 0:
        return None
    with _lock:
        if token != _state["token"]:
            _reset(token)
            return None
        found = _entries.get(key)
        if found is None:
            return None
        if found[2] <= time.monotonic():
            _drop(key)
            return None
        _entries.move_to_end(key)
        return found[0]


def put(key: str, token: str, entry: dict, timeout: int) -> None:
    bound = limit()
    ttl = min(timeout, settings.PARTNER_API_CACHE_SECONDS)
    size = _size(key, entry)
    if bound <= 0 or ttl <= 0 or size > bound:
        return
    with _lock:
        if token != _state["token"]:
            _reset(token)
        if key in _entries:
            _drop(key)
        _entries[key] = (entry, size, time.monotonic() + ttl)
        _state["bytes"] += size
        while _state["bytes"] > bound:
            _drop(next(iter(_entries)))  # the least recently used


def clear() -> None:
    with _lock:
        _reset(None)


def size() -> int:
    """Bytes held (as counted against the bound)."""
    return _state["bytes"]


def _size(key: str, entry: dict) -> int:
    headers = entry["headers"]
    return (
        len(entry["content"])
        + len(key)
        + sum(len(name) + len(value) for name, value in headers.items())
        + _OVERHEAD
    )


def _drop(key: str) -> None:
    _state["bytes"] -= _entries.pop(key)[1]


def _reset(token: str | None) -> None:
    _entries.clear()
    _state["bytes"] = 0
    _state["token"] = token
