"""Country profiles: one per mapping country (and EU-wide), translated like any snippet."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import DraftStateMixin, RevisionMixin, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.countries import COUNTRY_CHOICES

from .support_services import SupportService

PROFILE_FEATURES = ["h3", "bold", "italic", "ul", "ol", "link"]


class Country(TranslatableMixin, DraftStateMixin, RevisionMixin, index.Indexed, models.Model):
    """A country of the mapping exercise: its name in each language and what the Mapping Report
    found about its legal framework and assistance for migrant victims of SGBV."""

    code = models.CharField(
        "ISO code", max_length=2, choices=COUNTRY_CHOICES, help_text="ISO 3166-1 alpha-2"
    )
    name = models.CharField(max_length=255, help_text="The country's name in this language.")
    legal_framework = RichTextField(
        blank=True,
        features=PROFILE_FEATURES,
        help_text="Summary of the legal framework, from the Mapping Report.",
    )
    assistance = RichTextField(
        blank=True,
        features=PROFILE_FEATURES,
        help_text="Summary of the assistance available to migrant victims of SGBV.",
    )

    panels = [
        FieldPanel("code"),
        FieldPanel("name"),
        FieldPanel("legal_framework"),
        FieldPanel("assistance"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),  # the admin and choosers search as you type
        index.FilterField("code"),
        index.FilterField("locale_id"),
        index.FilterField("live"),  # admin search scoped for translators (read_scope)
    ]
    translatable_fields = [
        SynchronizedField("code", overridable=False),
        TranslatableField("name"),
        TranslatableField("legal_framework"),
        TranslatableField("assistance"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["code"]
        verbose_name_plural = "countries"
        constraints = [
            models.UniqueConstraint(fields=["code", "locale"], name="unique_country_per_locale")
        ]

    def __str__(self):
        return self.name

    def services(self):
        return SupportService.objects.filter(country=self.code, locale_id=self.locale_id)
