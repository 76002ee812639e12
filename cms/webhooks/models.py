import base64
import secrets
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from cms import languages
from cms.api.models import ChangeEvent

EVENTS = [choice for choice, _ in ChangeEvent.Event.choices]


def new_secret() -> str:
    """A Standard Webhooks secret: ``whsec_`` + base64 of 32 random bytes."""
    return "whsec_" + base64.b64encode(secrets.token_bytes(32)).decode()


class Subscription(models.Model):
    """A partner endpoint that wants to hear about content changes."""

    name = models.CharField(max_length=200, help_text="Partner and purpose.")
    url = models.URLField(help_text="Where the JSON deliveries are POSTed (https in production).")
    secret = models.CharField(
        max_length=100,
        default=new_secret,
        help_text="Standard Webhooks secret (whsec_…) for the webhook-signature header. "
        "Give it to the partner.",
    )
    events = models.JSONField(default=list, help_text="Any of: published, unpublished, deleted.")
    locales = models.JSONField(
        default=list, blank=True, help_text="Language codes; empty means every language."
    )
    is_active = models.BooleanField(default=True)
    legacy_signature = models.BooleanField(
        default=False,
        help_text="Also send the old X-Protect-Signature headers (subscriptions made before "
        "Standard Webhooks; kept for one release).",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def clean(self):
        unknown = [event for event in self.events or [] if event not in EVENTS]
        if not self.events or unknown:
            raise ValidationError({"events": f"Choose one or more of: {', '.join(EVENTS)}."})
        bad = [code for code in self.locales or [] if languages.get(code) is None]
        if bad:
            raise ValidationError(
                {"locales": f"Unknown language codes: {', '.join(bad)}. Use codes such as en, ar."}
            )

    def wants(self, event: ChangeEvent) -> bool:
        return (
            self.is_active
            and event.event in self.events
            and (not self.locales or event.locale in self.locales)
        )


class Delivery(models.Model):
    """One event for one subscription: the delivery log (attempts, outcome, redelivery)."""

    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        RETRYING = "retrying", "Retrying"
        SUCCEEDED = "succeeded", "Succeeded"
        FAILED = "failed", "Failed"

    subscription = models.ForeignKey(
        Subscription, on_delete=models.CASCADE, related_name="deliveries"
    )
    event_id = models.CharField(max_length=40, db_index=True, help_text="Receivers dedup on it.")
    payload = models.JSONField()
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now, db_index=True)
    last_status_code = models.PositiveIntegerField(null=True, blank=True)
    last_error = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    delivered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name_plural = "deliveries"

    def __str__(self):
        return f"{self.event_id} → {self.subscription}"

    @staticmethod
    def backoff(attempts: int) -> timedelta:
        """30 s, 1 min, 2 min, … doubling, then hourly: a receiver back after an outage of hours
        hears within the hour (WEBHOOK_MAX_ATTEMPTS bounds the whole, about three days)."""
        base = getattr(settings, "WEBHOOK_BACKOFF_SECONDS", 30)
        return timedelta(seconds=min(base * 2 ** max(attempts - 1, 0), 3600))
