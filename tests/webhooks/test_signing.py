"""Standard Webhooks signatures, tampering, and the legacy header for old subscriptions."""

import base64
import hashlib
import hmac
from datetime import UTC, datetime, timedelta

import pytest
from standardwebhooks import Webhook, WebhookVerificationError

from cms.webhooks import signing
from cms.webhooks.models import Subscription, new_secret

BODY = b'{"id":"evt_1","event":"published"}'


def test_signature_verifies_and_tampering_fails():
    subscription = Subscription(secret=new_secret())
    headers = signing.headers(subscription, "evt_1", BODY)
    assert Webhook(subscription.secret).verify(BODY, headers, json_parse=False) is None
    with pytest.raises(WebhookVerificationError):
        Webhook(subscription.secret).verify(BODY.replace(b"published", b"deleted"), headers)
    with pytest.raises(WebhookVerificationError):
        Webhook(new_secret()).verify(BODY, headers)


def test_old_timestamps_are_rejected_by_receivers():
    subscription = Subscription(secret=new_secret())
    stale = datetime.now(UTC) - timedelta(minutes=10)
    headers = signing.headers(subscription, "evt_1", BODY, now=stale)
    with pytest.raises(WebhookVerificationError, match="too old"):
        Webhook(subscription.secret).verify(BODY, headers)


def test_legacy_subscribers_keep_the_old_header_with_the_same_key():
    old_secret = "abc-DEF_123"  # a pre-Standard-Webhooks token_urlsafe secret
    migrated = "whsec_" + base64.b64encode(old_secret.encode()).decode()
    subscription = Subscription(secret=migrated, legacy_signature=True)
    headers = signing.headers(subscription, "evt_1", BODY)
    expected = hmac.new(
        old_secret.encode(), headers["X-Protect-Timestamp"].encode() + b"." + BODY, hashlib.sha256
    ).hexdigest()
    assert headers["X-Protect-Signature"] == f"sha256={expected}"
    assert headers["X-Protect-Event-Id"] == "evt_1"
    assert Webhook(migrated).verify(BODY, headers, json_parse=False) is None
