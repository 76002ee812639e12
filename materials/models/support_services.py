"""Support services that migrant victims of SGBV can reach, per country."""

import re

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import DraftStateMixin, RevisionMixin, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.countries import COUNTRY_CHOICES
from materials.choices import LANGUAGE_CHOICES, ServiceAudience
from materials.fields import ChoiceListField

_PHONE = re.compile(r"^\+?[0-9][0-9 ()./-]{1,30}$")


def validate_phone(value: str) -> None:
    if value and not _PHONE.match(value):
        raise ValidationError(
            "Enter the number as people dial it: digits, spaces and + ( ) - only "
            "(for example 116 006 or +30 210 0000000).",
            code="phone",
        )


class SupportService(
    TranslatableMixin, DraftStateMixin, RevisionMixin, index.Indexed, models.Model
):
    name = models.CharField(max_length=255)
    country = models.CharField(max_length=2, choices=COUNTRY_CHOICES, db_index=True)
    description = models.TextField(blank=True, max_length=2000)
    phone = models.CharField(max_length=40, blank=True, validators=[validate_phone])
    url = models.URLField("Website", blank=True)
    opening_hours = models.CharField(max_length=255, blank=True)
    languages = ChoiceListField(
        "languages spoken", item_choices=LANGUAGE_CHOICES, help_text="Languages staff speak."
    )
    audiences = ChoiceListField(item_choices=ServiceAudience.choices)
    is_emergency = models.BooleanField(
        "emergency service", default=False, help_text="Answers emergencies at any hour."
    )
    verified_at = models.DateField(
        "verified at",
        null=True,
        blank=True,
        help_text="When someone last checked these details. Empty: shown as unverified.",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("country"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("phone"), FieldPanel("url")]),
                FieldPanel("opening_hours"),
            ],
            heading="Contact",
        ),
        FieldPanel("languages"),
        FieldPanel("audiences"),
        FieldRowPanel([FieldPanel("is_emergency"), FieldPanel("verified_at")]),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),  # the admin and choosers search as you type
        index.SearchField("description"),
        index.FilterField("country"),
        index.FilterField("locale_id"),
        index.FilterField("live"),  # admin search scoped for translators (read_scope)
    ]
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("description"),
        TranslatableField("opening_hours"),
        SynchronizedField("country", overridable=False),
        SynchronizedField("phone"),
        SynchronizedField("url"),
        SynchronizedField("languages"),
        SynchronizedField("audiences"),
        SynchronizedField("is_emergency"),
        SynchronizedField("verified_at"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["country", "-is_emergency", "name"]

    def __str__(self):
        return f"{self.name} ({self.country})"

    @property
    def is_verified(self) -> bool:
        return self.verified_at is not None

    def clean(self):
        super().clean()
        if not (self.phone or self.url):
            raise ValidationError("Give a phone number or a website, so people can reach it.")
