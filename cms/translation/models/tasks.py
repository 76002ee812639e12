"""One translation task per (source object, target locale), kept beside wagtail-localize's
``Translation`` (which stays the segment engine), with its state history."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone


class TaskState(models.TextChoices):
    UNTRANSLATED = "untranslated", "Untranslated"
    IN_PROGRESS = "in_progress", "In progress"
    MACHINE_DRAFT = "machine_draft", "Machine draft"
    NEEDS_REVIEW = "needs_review", "Needs review"
    CHANGES_REQUESTED = "changes_requested", "Changes requested"
    APPROVED = "approved", "Approved"
    PUBLISHED = "published", "Published"
    STALE = "stale", "Stale"


class TranslationTask(models.Model):
    class Priority(models.IntegerChoices):
        LOW = 1, "Low"
        NORMAL = 2, "Normal"
        HIGH = 3, "High"
        URGENT = 4, "Urgent"

    translation = models.OneToOneField(
        "wagtail_localize.Translation", on_delete=models.CASCADE, related_name="queue_task"
    )
    # Copies of the translation's source facts so the queue filters and sorts without joins.
    source = models.ForeignKey(
        "wagtail_localize.TranslationSource", on_delete=models.CASCADE, related_name="+"
    )
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    title = models.CharField(max_length=255)
    source_locale = models.ForeignKey(
        "wagtailcore.Locale", on_delete=models.CASCADE, related_name="+"
    )
    target_locale = models.ForeignKey(
        "wagtailcore.Locale", on_delete=models.CASCADE, related_name="+"
    )

    state = models.CharField(
        max_length=20, choices=TaskState.choices, default=TaskState.UNTRANSLATED, db_index=True
    )
    stale_segments = models.PositiveIntegerField(
        default=0, help_text="Segments whose source text changed since they were translated."
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="translation_tasks",
    )
    assignee_team = models.ForeignKey(
        "translation_queue.LocaleTeam",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="tasks",
    )
    due_date = models.DateField(null=True, blank=True)
    priority = models.PositiveSmallIntegerField(choices=Priority.choices, default=Priority.NORMAL)

    segments_total = models.PositiveIntegerField(default=0)
    segments_remaining = models.PositiveIntegerField(default=0)
    words_total = models.PositiveIntegerField(default=0)
    words_remaining = models.PositiveIntegerField(default=0)
    machine_segments = models.PositiveIntegerField(
        default=0, help_text="Segments filled by a machine translator."
    )
    last_translator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    last_activity_at = models.DateTimeField(default=timezone.now, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-priority", "due_date", "title", "target_locale__language_code"]
        indexes = [models.Index(fields=["target_locale", "state"])]

    def __str__(self):
        return f"{self.title} → {self.target_locale.language_code}"

    @property
    def is_stale(self) -> bool:
        return self.state == TaskState.STALE

    @property
    def is_overdue(self) -> bool:
        return (
            self.due_date is not None
            and self.due_date < timezone.localdate()
            and self.state not in (TaskState.APPROVED, TaskState.PUBLISHED)
        )

    @property
    def progress_percent(self) -> int:
        if not self.segments_total:
            return 100
        done = self.segments_total - self.segments_remaining
        return round(100 * done / self.segments_total)


class TaskTransition(models.Model):
    """Every state change: who, when, from, to and why."""

    task = models.ForeignKey(TranslationTask, on_delete=models.CASCADE, related_name="transitions")
    from_state = models.CharField(max_length=20, choices=TaskState.choices, blank=True)
    to_state = models.CharField(max_length=20, choices=TaskState.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    comment = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.from_state or '∅'} → {self.to_state}"


class SegmentSuggestion(models.Model):
    """The translation a segment had before its source text changed: offered, never applied."""

    task = models.ForeignKey(TranslationTask, on_delete=models.CASCADE, related_name="suggestions")
    context = models.ForeignKey(
        "wagtail_localize.TranslationContext", on_delete=models.CASCADE, related_name="+"
    )
    previous_source = models.TextField()
    previous_translation = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["task", "context"], name="one_suggestion_per_segment")
        ]

    def __str__(self):
        return self.previous_translation[:60]
