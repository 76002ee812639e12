"""Downloadable materials and their language files."""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.text import slugify
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import DraftStateMixin, Orderable, RevisionMixin, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms import languages
from cms.countries import COUNTRY_CHOICES
from materials.choices import (
    LANGUAGE_CHOICES,
    PROFESSIONAL_ROLES,
    Audience,
    FileFormat,
    Kind,
)
from materials.fields import ChoiceListField
from materials.inspection import inspect_document


class Material(TranslatableMixin, DraftStateMixin, RevisionMixin, index.Indexed, ClusterableModel):
    """A downloadable publication: training tool, information leaflet or report.

    Its files (one or more per language) belong to the whole translation group and are listed on
    the source-language material; every translation reads them through ``translation_key``.
    """

    class Status(models.TextChoices):
        PUBLISHED = "published", "Published"
        SUPERSEDED = "superseded", "Superseded by a newer material"
        WITHDRAWN = "withdrawn", "Withdrawn"

    kind = models.CharField(max_length=20, choices=Kind.choices)
    audiences = ChoiceListField(item_choices=Audience.choices, blank=False)
    countries = ChoiceListField(
        item_choices=COUNTRY_CHOICES, blank=False, help_text="Countries it is written for."
    )
    title = models.CharField(max_length=255)
    summary = models.TextField(blank=True, max_length=1000)
    cover_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    cover_image_alt = models.CharField(
        "cover image alt text",
        max_length=255,
        blank=True,
        help_text="What the cover shows, for people who cannot see it.",
    )
    original_language = models.CharField(
        max_length=10, choices=LANGUAGE_CHOICES, default=languages.default().code
    )
    reference_number = models.CharField(max_length=50, blank=True)
    legal_information_as_of = models.DateField("legal information as of", null=True, blank=True)
    review_by = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PUBLISHED)
    superseded_by = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="supersedes",
        help_text="The material that replaces this one (required when superseded).",
    )
    withdrawal_reason = models.TextField(blank=True, max_length=1000)
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        FieldPanel("title"),
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("original_language")]),
        FieldPanel("audiences"),
        FieldPanel("countries"),
        MultiFieldPanel(
            [FieldPanel("cover_image"), FieldPanel("cover_image_alt")], heading="Cover"
        ),
        MultiFieldPanel(
            [
                FieldPanel("reference_number"),
                FieldRowPanel([FieldPanel("legal_information_as_of"), FieldPanel("review_by")]),
            ],
            heading="Reference and dates",
        ),
        MultiFieldPanel(
            [
                FieldPanel("status"),
                FieldPanel("superseded_by"),
                FieldPanel("withdrawal_reason"),
            ],
            heading="Status",
        ),
        InlinePanel(
            "files",
            heading="Language files",
            label="File",
            help_text="One or more PDFs per language. Size, pages and checksum are read from "
            "the file.",
        ),
    ]
    search_fields = [
        index.SearchField("title", boost=2),
        index.SearchField("summary"),
        index.AutocompleteField("title"),
        index.FilterField("kind"),
        index.FilterField("status"),
        index.FilterField("locale_id"),
        index.FilterField("live"),  # admin search scoped for translators (read_scope)
    ]
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("summary"),
        TranslatableField("cover_image_alt"),
        TranslatableField("withdrawal_reason"),
        SynchronizedField("kind", overridable=False),
        SynchronizedField("audiences", overridable=False),
        SynchronizedField("countries", overridable=False),
        SynchronizedField("cover_image"),
        SynchronizedField("original_language", overridable=False),
        SynchronizedField("reference_number", overridable=False),
        SynchronizedField("legal_information_as_of", overridable=False),
        SynchronizedField("review_by", overridable=False),
        SynchronizedField("status", overridable=False),
        SynchronizedField("superseded_by", overridable=False),
    ]
    # Files belong to the translation group, not to each copy (see class docstring).
    exclude_fields_in_copy = ["files"]

    class Meta(TranslatableMixin.Meta):
        ordering = ["kind", "title"]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        errors = {}
        if self.status == self.Status.SUPERSEDED and not self.superseded_by_id:
            errors["superseded_by"] = "Choose the material that supersedes this one."
        if self.superseded_by_id and self.pk and self.superseded_by_id == self.pk:
            errors["superseded_by"] = "A material cannot supersede itself."
        if self.status == self.Status.WITHDRAWN and not self.withdrawal_reason.strip():
            errors["withdrawal_reason"] = "Say why the material was withdrawn."
        if self.cover_image_id and not self.cover_image_alt.strip():
            errors["cover_image_alt"] = "Describe the cover image for people who cannot see it."
        if (
            self.review_by
            and self.legal_information_as_of
            and self.review_by < self.legal_information_as_of
        ):
            errors["review_by"] = "The review date cannot be before the legal information date."
        if PROFESSIONAL_ROLES & set(self.audiences or []) and (
            Audience.PROFESSIONALS not in (self.audiences or [])
        ):
            field = self._meta.get_field("audiences")
            self.audiences = field.to_python([*self.audiences, Audience.PROFESSIONALS.value])
        if errors:
            raise ValidationError(errors)

    def group_files(self):
        """Files of the whole translation group (all languages)."""
        return MaterialFile.objects.filter(material__translation_key=self.translation_key)

    @property
    def available_languages(self) -> list[str]:
        have = set(self.group_files().values_list("language", flat=True))
        return [code for code in languages.codes() if code in have]


class MaterialFile(Orderable):
    """One file of a material in one language and format; facts are read from the file."""

    material = ParentalKey(Material, related_name="files", on_delete=models.CASCADE)
    language = models.CharField(max_length=10, choices=LANGUAGE_CHOICES)
    format = models.CharField(max_length=20, choices=FileFormat.choices, default=FileFormat.SCREEN)
    document = models.ForeignKey(
        "wagtaildocs.Document", on_delete=models.PROTECT, related_name="material_files"
    )
    size_bytes = models.PositiveBigIntegerField(editable=False, default=0)
    page_count = models.PositiveIntegerField(editable=False, null=True)
    sha256 = models.CharField(max_length=64, editable=False, blank=True)
    mime_type = models.CharField(max_length=100, editable=False, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("language"), FieldPanel("format")]),
        FieldPanel("document"),
    ]

    class Meta(Orderable.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["material", "language", "format"], name="unique_material_file_variant"
            )
        ]

    def __str__(self):
        return f"{self.material} [{self.language}, {self.get_format_display()}]"

    def clean(self):
        super().clean()
        if self.document_id and self._facts_stale():
            try:
                self.apply_facts(inspect_document(self.document))
            except ValidationError as error:
                raise ValidationError({"document": error.messages}) from error

    def save(self, *args, **kwargs):
        if self.document_id and self._facts_stale():
            self.apply_facts(inspect_document(self.document))
        super().save(*args, **kwargs)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The document whose facts the row holds; a new or changed document is read again.
        self._facts_for = self.document_id if self.sha256 else None

    def _facts_stale(self) -> bool:
        return self._facts_for != self.document_id

    def apply_facts(self, checked) -> None:
        self.size_bytes = checked.size
        self.page_count = checked.page_count
        self.sha256 = checked.sha256
        self.mime_type = checked.content_type
        self._facts_for = self.document_id

    @property
    def download_name(self) -> str:
        """A neutral ASCII file name: no editor's local names, no personal data."""
        material = self.material
        base = slugify(material.reference_number) or f"protect-{material.kind}-{material.pk}"
        return f"{base}-{self.language}-{self.format}.pdf"

    def get_download_url(self) -> str:
        return reverse(
            "materials:download", kwargs={"file_id": self.pk, "filename": self.download_name}
        )
