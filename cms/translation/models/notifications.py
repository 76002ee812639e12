from django.conf import settings
from django.db import models


class Notification(models.Model):
    """An in-admin notice (also sent by e-mail); ``key`` makes repeats of one event a no-op."""

    class Kind(models.TextChoices):
        ASSIGNED = "assigned", "Task assigned"
        STALE = "stale", "Task went stale"
        REVIEW_REQUESTED = "review_requested", "Review requested"
        CHANGES_REQUESTED = "changes_requested", "Changes requested"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="translation_notices"
    )
    task = models.ForeignKey(
        "translation_queue.TranslationTask", on_delete=models.CASCADE, related_name="notices"
    )
    kind = models.CharField(max_length=30, choices=Kind.choices)
    key = models.CharField(max_length=200, help_text="Identifies the event; one notice per event.")
    message = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["user", "key"], name="translation_notice_once")
        ]

    def __str__(self):
        return self.message
