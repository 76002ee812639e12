"""How deliveries are signed: the Standard Webhooks scheme (https://www.standardwebhooks.com/),
through the ``standardwebhooks`` package, plus the old ``X-Protect-*`` headers for
subscriptions made before it (``Subscription.legacy_signature``), kept for one release.

Both schemes use the same key bytes: a ``whsec_<base64>`` secret decodes to them; a secret from
before the switch was migrated to ``whsec_`` + base64(old secret), so an old subscriber's
HMAC-SHA256 check keeps working while it moves to a Standard Webhooks library.
"""

import base64
import hashlib
import hmac
from datetime import UTC, datetime

from standardwebhooks import Webhook

PREFIX = "whsec_"


def key_bytes(secret: str) -> bytes:
    if secret.startswith(PREFIX):
        return base64.b64decode(secret[len(PREFIX) :] + "==")
    return secret.encode()


def legacy_signature(secret: str, timestamp: str, body: bytes) -> str:
    """The pre-Standard-Webhooks ``X-Protect-Signature`` value."""
    message = timestamp.encode() + b"." + body
    return "sha256=" + hmac.new(key_bytes(secret), message, hashlib.sha256).hexdigest()


def headers(subscription, event_id: str, body: bytes, now: datetime | None = None) -> dict:
    """The signature headers for one attempt. ``webhook-id`` is the event id, the same on every
    retry and redelivery, so receivers deduplicate on it."""
    moment = (now or datetime.now(UTC)).replace(microsecond=0)
    timestamp = str(int(moment.timestamp()))
    signed = Webhook(key_bytes(subscription.secret)).sign(event_id, moment, body.decode())
    result = {"webhook-id": event_id, "webhook-timestamp": timestamp, "webhook-signature": signed}
    if subscription.legacy_signature:
        result["X-Protect-Event-Id"] = event_id
        result["X-Protect-Timestamp"] = timestamp
        result["X-Protect-Signature"] = legacy_signature(subscription.secret, timestamp, body)
    return result
