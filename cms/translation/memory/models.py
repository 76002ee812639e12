"""What the memory and the glossary store."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone


class MemoryEntry(models.Model):
    """One approved or published translation of a source text into one locale.

    ``source_norm`` is the text as matched (see ``text.normalise``) and ``source_hash`` its
    SHA-256, so exact matches are one indexed look-up. ``trigrams`` (trigram count) and the
    ``MemoryBand`` rows serve the portable fuzzy look-up (``lookup.py``)."""

    source_locale = models.ForeignKey(
        "wagtailcore.Locale", on_delete=models.CASCADE, related_name="+"
    )
    target_locale = models.ForeignKey(
        "wagtailcore.Locale", on_delete=models.CASCADE, related_name="+"
    )
    source_text = models.TextField()
    source_norm = models.TextField()
    source_hash = models.CharField(max_length=64)
    target_text = models.TextField()
    target_hash = models.CharField(max_length=64)
    words = models.PositiveIntegerField(default=0)
    trigrams = models.PositiveIntegerField(default=0)
    # Where the translation came from (a page, a snippet, a video's cue) and who made it.
    origin_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    origin_id = models.CharField(max_length=64, blank=True)
    origin_label = models.CharField(max_length=255, blank=True)
    origin_path = models.CharField(max_length=255, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name_plural = "memory entries"
        ordering = ["-updated_at", "pk"]
        indexes = [models.Index(fields=["target_locale", "source_hash"])]
        constraints = [
            models.UniqueConstraint(
                fields=["source_locale", "target_locale", "source_hash", "target_hash"],
                name="memory_entry_once",
            )
        ]

    def __str__(self):
        return f"{self.source_text[:40]} → {self.target_text[:40]}"


class MemoryBand(models.Model):
    """Locality-sensitive hash keys of an entry's trigram set: entries sharing a key with a
    segment are the fuzzy candidates where PostgreSQL's pg_trgm is not available."""

    entry = models.ForeignKey(MemoryEntry, on_delete=models.CASCADE, related_name="bands")
    key = models.BigIntegerField(db_index=True)

    def __str__(self):
        return str(self.key)


class TermStatus(models.TextChoices):
    APPROVED = "approved", "Approved translation"
    DO_NOT_TRANSLATE = "do_not_translate", "Do not translate"
    FORBIDDEN = "forbidden", "Forbidden translation"


class GlossaryTerm(models.Model):
    """A source-language term and what it must (or must never) become in one locale.

    - approved: ``translation`` is the agreed rendering (QA warns when it is missing);
    - do not translate: the term stays as it is (QA blocks when it is missing);
    - forbidden: ``translation`` must never appear in this locale (QA blocks when it does)."""

    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE, related_name="+")
    term = models.CharField(max_length=200)
    translation = models.CharField(max_length=200, blank=True)
    part_of_speech = models.CharField(max_length=40, blank=True)
    notes = models.TextField(blank=True)
    status = models.CharField(
        max_length=20, choices=TermStatus.choices, default=TermStatus.APPROVED
    )
    is_demo = models.BooleanField(default=False, help_text="Made by the demo loader.")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["locale__language_code", "term", "status"]
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "term", "status", "translation"], name="glossary_term_once"
            )
        ]

    def __str__(self):
        return f"{self.term} ({self.get_status_display().lower()})"


class TaskLeverage(models.Model):
    """What the memory already covers of a task, in source words (agencies price on these):
    ``exact`` (100 % matches), ``fuzzy`` (best match 75–99 %) and ``new``. Computed on the
    worker when the task is created or its source changes (``leverage.py``)."""

    task = models.OneToOneField(
        "translation_queue.TranslationTask", on_delete=models.CASCADE, related_name="leverage"
    )
    new_words = models.PositiveIntegerField(default=0)
    fuzzy_words = models.PositiveIntegerField(default=0)
    exact_words = models.PositiveIntegerField(default=0)
    computed_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"{self.new_words} new / {self.fuzzy_words} fuzzy / {self.exact_words} exact"

    @property
    def total(self) -> int:
        return self.new_words + self.fuzzy_words + self.exact_words
