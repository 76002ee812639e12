"""Signing and sending one delivery.

Headers per Standard Webhooks (``webhook-id``, ``webhook-timestamp``, ``webhook-signature``;
see ``signing.py``). Receivers verify with a Standard Webhooks library, which also rejects
timestamps more than five minutes off, and dedup on ``webhook-id``.
"""

import json
import urllib.error
import urllib.request

from django.conf import settings
from django.db.models import F
from django.utils import timezone

from . import signing
from .models import Delivery


def payload_for(event) -> dict:
    return {
        "id": event.event_id,
        "event": event.event,
        "type": event.object_type,
        "object_id": event.object_id,
        "translation_key": str(event.translation_key),
        "locale": event.locale,
        "occurred_at": event.occurred_at.isoformat(),
    }


def claim(delivery: Delivery) -> bool:
    """Take the next attempt of ``delivery`` (as loaded): False when another worker took it.

    The deferred retry and ``webhooks_resume``'s re-enqueue can run the same delivery on two
    workers at once; only the one whose count of attempts still matches sends, so a receiver
    gets each event once (redeliveries and timeouts aside, hence ``webhook-id``).
    """
    taken = Delivery.objects.filter(
        pk=delivery.pk, attempts=delivery.attempts, status=delivery.status
    ).update(attempts=F("attempts") + 1)
    if taken:
        delivery.attempts += 1
    return bool(taken)


def attempt(delivery: Delivery) -> bool:
    """POST once (``delivery`` claimed); record the outcome. True when the receiver answered 2xx."""
    body = json.dumps(delivery.payload, ensure_ascii=False, separators=(",", ":")).encode()
    request = urllib.request.Request(
        delivery.subscription.url,
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/json; charset=utf-8",
            "User-Agent": "PROTECT-CMS-Webhooks/1",
            **signing.headers(delivery.subscription, delivery.event_id, body),
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=settings.WEBHOOK_TIMEOUT_SECONDS) as response:
            delivery.last_status_code = response.status
            delivery.last_error = ""
            ok = 200 <= response.status < 300
    except urllib.error.HTTPError as exc:
        delivery.last_status_code, delivery.last_error, ok = exc.code, f"HTTP {exc.code}", False
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        delivery.last_status_code, delivery.last_error, ok = None, str(reason)[:300], False
    now = timezone.now()
    if ok:
        delivery.status, delivery.delivered_at = Delivery.Status.SUCCEEDED, now
    elif delivery.attempts >= settings.WEBHOOK_MAX_ATTEMPTS:
        delivery.status = Delivery.Status.FAILED
    else:
        delivery.status = Delivery.Status.RETRYING
        delivery.next_attempt_at = now + Delivery.backoff(delivery.attempts)
    delivery.save()
    return ok
