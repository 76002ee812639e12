"""The awareness video and its subtitle tracks.

Design: the cues of the source language are a StreamField of ``CueBlock`` on the page itself.
wagtail-localize extracts only text blocks as translatable segments, so a cue's ``text`` (a
TextBlock) is translated while ``start_ms``/``end_ms`` (IntegerBlocks) and ``settings`` (a plain
FieldBlock, not a CharBlock) are copied from the source on every sync. A subtitle track in
language X is therefore simply the page's translation into X: translators work in the same editor
and queue as for any other page, timing cannot drift, and a track goes live when that translation
is published. A child model with synchronised times would need the same guarantees re-built by
hand for every save path; the StreamField gets them from wagtail-localize.
"""

import posixpath
from decimal import Decimal
from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models.fields.files import FieldFile
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Locale
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.subtitles import Cue, cue_text_problem, limits
from cms.subtitles.cuesettings import clean_settings
from cms.uploads import policy as upload_policy
from cms.uploads.names import sanitize_filename
from cms.uploads.renditions import rendition_or_none
from cms.uploads.validation import validate_upload
from home.models import BasePage
from protect import track_files, tracks
from protect.blocks import CueTimeBlock
from protect.panels import EmbedSnippetPanel, SubtitleTracksPanel

# Formats every current browser plays in <video>; the (checked) extension decides the MIME type.
VIDEO_TYPES = tracks.VIDEO_TYPES


class CueSettingsBlock(blocks.FieldBlock):
    """WebVTT cue settings ("line:85% align:start"). Deliberately not a CharBlock, so that
    wagtail-localize synchronises them from the source instead of offering them to translators."""

    def __init__(self, required=False, **kwargs):
        self.field = forms.CharField(required=required, max_length=200)
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value) or ""
        cleaned, problems = clean_settings(value)
        if problems:
            raise ValidationError("; ".join(problems))
        return cleaned


class CueBlock(blocks.StructBlock):
    start_ms = CueTimeBlock(min_value=0, label="Start", help_text="mm:ss.mmm")
    end_ms = CueTimeBlock(min_value=1, label="End", help_text="mm:ss.mmm")
    text = blocks.TextBlock(
        help_text="WebVTT cue text; <i>, <b>, <u>, <c>, <v>, <lang>, <ruby> and <rt> tags allowed."
    )
    settings = CueSettingsBlock(required=False, label="Cue settings")

    def clean(self, value):
        value = super().clean(value)
        errors = {"text": cue_text_problem(value["text"] or "")}
        if value["end_ms"] <= value["start_ms"]:
            errors["end_ms"] = "The cue must end after it starts."
        if errors := {name: ValidationError(error) for name, error in errors.items() if error}:
            raise blocks.StructBlockValidationError(block_errors=errors)
        return value

    class Meta:
        icon = "openquote"
        label_format = "{start_ms} → {end_ms}: {text}"


def video_upload_to(instance, filename: str) -> str:
    return f"videos/{sanitize_filename(filename)}"


def validate_video_file(file) -> None:
    """mp4 or WebM by content (magic bytes), a single matching extension, within the size cap:
    the shared upload check of cms/uploads for the purpose "video"."""
    if isinstance(file, FieldFile) and file._committed:
        return  # already stored: it was checked when it was uploaded
    validate_upload(file, upload_policy.Purpose.VIDEO)


def validate_video_url(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme != "https":
        raise ValidationError("Use an https:// address so the video plays on secure pages.")
    ext = posixpath.splitext(parts.path)[1].lower().lstrip(".")
    if ext not in VIDEO_TYPES:
        raise ValidationError(
            "Link to the video file itself, ending in .mp4 or .webm (a YouTube or Vimeo page "
            "cannot be played with subtitle tracks)."
        )


class VideoPage(BasePage):
    description = models.TextField(blank=True, max_length=2000)
    video_file = models.FileField(
        upload_to=video_upload_to,
        blank=True,
        validators=[validate_video_file],
        help_text="An mp4 or WebM file. Served with HTTP range requests, so players can seek.",
    )
    video_url = models.URLField(
        blank=True,
        validators=[validate_video_url],
        help_text="Or the https:// address of an mp4/WebM file hosted elsewhere.",
    )
    duration_seconds = models.DecimalField(
        max_digits=8,
        decimal_places=3,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.001"))],
        help_text="Used to warn about cues after the end of the video.",
    )
    poster = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    poster_alt = models.CharField(
        "poster alt text", max_length=250, blank=True, help_text="Describe the poster image."
    )
    cues = StreamField(
        [("cue", CueBlock())],
        blank=True,
        max_num=limits.MAX_CUES,
        help_text="The subtitles in this page's language. Upload a file in the Subtitles panel.",
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("video_file"),
                FieldPanel("video_url"),
                FieldPanel("duration_seconds"),
                FieldPanel("poster"),
                FieldPanel("poster_alt"),
            ],
            heading="Video",
        ),
        SubtitleTracksPanel(heading="Subtitles in every language"),
        EmbedSnippetPanel(heading="Embed on a partner site"),
        FieldPanel("cues"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("description"),
    ]
    override_translatable_fields = [
        # One video for every language; only the subtitles, texts and (optionally) poster differ.
        SynchronizedField("video_file", overridable=False),
        SynchronizedField("video_url", overridable=False),
        SynchronizedField("duration_seconds", overridable=False),
        SynchronizedField("poster"),
        TranslatableField("poster_alt"),
        TranslatableField("cues"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = "video page"

    # --- video ----------------------------------------------------------------------------
    @property
    def video_mime_type(self) -> str | None:
        return tracks.video_mime_type(self.video_file.name or "", self.video_url)

    @property
    def duration_ms(self) -> int | None:
        return None if self.duration_seconds is None else int(self.duration_seconds * 1000)

    def clean(self):
        super().clean()
        if self.video_file and self.video_url:
            raise ValidationError(
                {"video_url": "Give either an uploaded file or an address, not both."}
            )
        if not self.video_file and not self.video_url:
            raise ValidationError({"video_file": "Upload the video or give its address."})

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        code = self.locale.language_code
        context["tracks"] = tracks.published_tracks(self, code)
        if self.video_file:
            context["video_src"] = tracks.video_file_url(self)
        else:
            context["video_src"] = self.video_url
        if self.poster_id:
            context["poster"] = rendition_or_none(self.poster, tracks.POSTER_RENDITION)
        if self.live and self.cue_count:
            context["transcript_url"] = tracks.transcript_url(self, code)
        return context

    # --- cues -----------------------------------------------------------------------------
    def get_cues(self) -> list[Cue]:
        """The stored cues as engine values, in time order."""
        cues = [
            Cue(
                start_ms=item["value"]["start_ms"],
                end_ms=item["value"]["end_ms"],
                text=item["value"].get("text") or "",
                settings=item["value"].get("settings") or "",
                identifier="",
            )
            for item in self.cues.raw_data
        ]
        cues.sort(key=lambda cue: (cue.start_ms, cue.end_ms))
        return cues

    @property
    def cue_count(self) -> int:
        return len(self.cues.raw_data)

    def sort_cues(self) -> None:
        """Players expect cues in time order; keep the stored order so (block ids unchanged)."""
        raw = list(self.cues.raw_data)
        key = lambda item: (item["value"]["start_ms"], item["value"]["end_ms"])  # noqa: E731
        if any(key(a) > key(b) for a, b in zip(raw, raw[1:], strict=False)):
            self.cues = sorted(raw, key=key)

    def full_clean(self, *args, **kwargs):
        self.sort_cues()
        super().full_clean(*args, **kwargs)

    def save(self, *args, **kwargs):
        self.sort_cues()
        saved = super().save(*args, **kwargs)
        update_fields = kwargs.get("update_fields")
        # Drafts (save_revision) update only bookkeeping fields: the row's cues, and so its
        # track file, stay the ones last written in full (live content once published).
        if update_fields is None or "cues" in update_fields:
            track_files.store(TrackFile, self)
        return saved


class TrackFile(models.Model):
    """A video page's cues as served: count, timing fingerprint, WebVTT and transcript text,
    derived from the page row whenever its cues are written (``protect/track_files.py``).

    Outside the page so revisions and page loads do not carry the rendered files. Whether
    anyone may see it is the page's business: reads go through ``cms.visibility.public_pages``.
    """

    page = models.OneToOneField(
        VideoPage, primary_key=True, on_delete=models.CASCADE, related_name="track_file"
    )
    cue_count = models.PositiveIntegerField(default=0)
    # track_files.timings_fingerprint: equal to the source's ⇔ the track is up to date.
    timings = models.CharField(max_length=32, blank=True)
    vtt = models.TextField(blank=True)
    transcript = models.TextField(blank=True)

    def __str__(self) -> str:
        return f"track file of page {self.page_id}"


class SubtitleImport(models.Model):
    """The last accepted subtitle file of one language of one video, with its warnings.

    Keyed by the video's translation key, not a page, because a target-language file is
    accepted before that language's page exists (its texts wait in wagtail-localize).
    """

    translation_key = models.UUIDField(db_index=True)
    locale = models.ForeignKey(Locale, on_delete=models.CASCADE, related_name="+")
    file_name = models.CharField(max_length=255)
    source_format = models.CharField(max_length=10)
    cue_count = models.PositiveIntegerField()
    # [{"line": int | None, "code": str, "message": str}, …] as the subtitle engine reports them.
    warnings = models.JSONField(default=list, blank=True)
    imported_at = models.DateTimeField(auto_now=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["translation_key", "locale"], name="unique_subtitle_import_per_language"
            )
        ]

    def __str__(self) -> str:
        return f"{self.file_name} ({self.locale.language_code})"
