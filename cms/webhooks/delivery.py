"""Signing and sending one delivery.

Headers: ``X-Protect-Event-Id``, ``X-Protect-Timestamp`` (Unix seconds) and
``X-Protect-Signature: sha256=<hex>`` where the hex is HMAC-SHA256 with the subscription secret
over ``f"{timestamp}.{body}"`` (the exact bytes of the body). Receivers should reject
timestamps older than five minutes and dedup on the event id.
"""

import hashlib
import hmac
import json
import time
import urllib.error
import urllib.request

from django.conf import settings
from django.utils import timezone

from .models import Delivery


def signature(secret: str, timestamp: str, body: bytes) -> str:
    message = timestamp.encode() + b"." + body
    return "sha256=" + hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


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


def attempt(delivery: Delivery) -> bool:
    """POST once; record the outcome. True when the receiver answered 2xx."""
    body = json.dumps(delivery.payload, ensure_ascii=False, separators=(",", ":")).encode()
    timestamp = str(int(time.time()))
    request = urllib.request.Request(
        delivery.subscription.url,
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/json; charset=utf-8",
            "User-Agent": "PROTECT-CMS-Webhooks/1",
            "X-Protect-Event-Id": delivery.event_id,
            "X-Protect-Timestamp": timestamp,
            "X-Protect-Signature": signature(delivery.subscription.secret, timestamp, body),
        },
    )
    delivery.attempts += 1
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
