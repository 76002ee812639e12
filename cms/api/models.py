import secrets
import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone


def new_key() -> str:
    return secrets.token_urlsafe(32)


def tier_choices():
    return [(name, name.title()) for name in settings.PARTNER_API_RATE_TIERS if name != "anonymous"]


class PartnerKey(models.Model):
    """An API key given to a partner. It selects a rate tier; it never widens what is visible."""

    name = models.CharField(max_length=200, help_text="The partner organisation or website.")
    contact_email = models.EmailField(blank=True)
    key = models.CharField(max_length=64, unique=True, default=new_key, editable=False)
    tier = models.CharField(max_length=40, choices=tier_choices, default="standard")
    is_active = models.BooleanField(default=True, help_text="Inactive keys are refused (401).")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class ContentVersion(models.Model):
    """One row: a token that changes whenever any content partners can see changes.

    ETags and response-cache keys are derived from it, so a change makes every cached response
    stale at once, in every locale. It lives in the database, read by every process (see
    ``versions.py``), so that no process and no flushed cache can serve an old token.
    """

    token = models.CharField(max_length=32, default="initial")
    changed_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"{self.token} ({self.changed_at:%Y-%m-%d %H:%M:%S})"


class ChangeEvent(models.Model):
    """The change log behind ``/changes/`` and the webhooks: one row per visible change."""

    class Event(models.TextChoices):
        PUBLISHED = "published", "Published"
        UNPUBLISHED = "unpublished", "Unpublished"
        DELETED = "deleted", "Deleted"

    event = models.CharField(max_length=20, choices=Event.choices)
    object_type = models.CharField(max_length=100, help_text='e.g. "protect.AwarenessPage"')
    object_id = models.PositiveBigIntegerField()
    translation_key = models.UUIDField(default=uuid.uuid4)
    locale = models.CharField(max_length=20)
    occurred_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["object_type", "object_id"])]

    def __str__(self):
        return f"{self.event} {self.object_type} {self.object_id} ({self.locale})"

    @property
    def event_id(self) -> str:
        """Stable public id of the event (feed items and webhook deliveries carry it)."""
        return f"evt_{self.pk}"
