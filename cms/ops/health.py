"""The dependencies a load balancer needs to know about, each checked for real and timed."""

import time
import uuid

from django.conf import settings
from django.core.cache import cache
from django.core.files.storage import default_storage
from django.db import connection
from django.utils import timezone

from . import heartbeat

PROBE_NAME = "healthz/probe"


class Down(Exception):
    """A dependency answered, but wrongly."""


def database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def cache_roundtrip() -> None:
    # django-redis is told to ignore outages (the site degrades to uncached answers), so a
    # failed write shows only as a read that does not return it.
    key, token = f"healthz:{uuid.uuid4().hex}", uuid.uuid4().hex
    cache.set(key, token, 30)
    found = cache.get(key)
    cache.delete(key)
    if found != token:
        raise Down("a value written to the cache could not be read back")


def storage() -> None:
    default_storage.exists(PROBE_NAME)  # S3: a HEAD request; missing is fine, unreachable is not


def worker() -> None:
    last = heartbeat.last_beat()
    if last is None:
        raise Down("no task worker has reported")
    age = (timezone.now() - last).total_seconds()
    if age > settings.PROTECT_WORKER_STALE_SECONDS:
        raise Down(f"the last task worker heartbeat is {int(age)} s old")


CHECKS = {"database": database, "cache": cache_roundtrip, "storage": storage, "worker": worker}


def run_checks() -> tuple[bool, dict]:
    results, healthy = {}, True
    for name, check in CHECKS.items():
        started = time.perf_counter()
        try:
            check()
            result = {"ok": True}
        except Exception as error:  # any failure of a dependency is "down", never a 500
            healthy = False
            result = {"ok": False, "error": f"{type(error).__name__}: {error}"[:300]}
        result["ms"] = round((time.perf_counter() - started) * 1000, 1)
        results[name] = result
    return healthy, results
