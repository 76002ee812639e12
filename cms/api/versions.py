"""The content version: one token that changes whenever anything partners can see changes.

ETags and response-cache keys include it, so a new token makes every cached answer stale at once.
The truth is the ``ContentVersion`` row in the database, never a per-process memory or the cache:
a change made by any process (task worker, another web worker, a management command, another
host) reaches every process. Each process memoises the row for at most ``MEMO_SECONDS`` so a
revalidation (304) costs at most one primary-key query per second per process, and a change is
served everywhere within that time.

``bump()`` runs after the writing transaction has committed (``caching.invalidate`` schedules
it), so no process can see a new token while the old content is still what the database holds.
"""

import time
import uuid
from datetime import datetime

from django.utils import timezone

from .models import ContentVersion

MEMO_SECONDS = 1.0
_memo: tuple[str, datetime, float] | None = None  # (token, changed_at, time.monotonic() read)


def current() -> tuple[str, datetime]:
    """(token, changed_at) as of at most ``MEMO_SECONDS`` ago."""
    memo = _memo
    if memo is not None and time.monotonic() - memo[2] < MEMO_SECONDS:
        return memo[0], memo[1]
    row = ContentVersion.objects.filter(pk=1).values_list("token", "changed_at").first()
    if row is None:  # the migration makes the row; a flushed test database may not have it
        made, _ = ContentVersion.objects.get_or_create(pk=1)
        row = (made.token, made.changed_at)
    _remember(*row)
    return row


def bump() -> tuple[str, datetime]:
    """Give the content a new token (call after commit; see ``caching.invalidate``)."""
    token, now = uuid.uuid4().hex, timezone.now()
    updated = ContentVersion.objects.filter(pk=1).update(token=token, changed_at=now)
    if not updated:
        ContentVersion.objects.update_or_create(pk=1, defaults={"token": token, "changed_at": now})
    _remember(token, now)
    return token, now


def forget() -> None:
    """Drop this process's memo (tests roll the database back under it)."""
    global _memo
    _memo = None


def _remember(token: str, changed_at: datetime) -> None:
    global _memo
    _memo = (token, changed_at, time.monotonic())
