from django.core.exceptions import ValidationError
from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index

from cms.countries import MAPPING_COUNTRY_CHOICES
from home.blocks import RICH_TEXT_FEATURES
from home.models import BasePage
from protect.blocks import ActivityBlock


class ProjectPage(BasePage):
    """The PROTECT project itself: what it is, when it ran, where, with whom, funded by whom."""

    class Status(models.TextChoices):
        PLANNED = "planned", "Planned"
        ONGOING = "ongoing", "Ongoing"
        COMPLETE = "complete", "Complete"

    summary = RichTextField(features=RICH_TEXT_FEATURES)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.ONGOING)
    period_start = models.DateField(null=True, blank=True)
    period_end = models.DateField(null=True, blank=True)
    activities = StreamField([("activity", ActivityBlock())], blank=True)
    funder_acknowledgement = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = BasePage.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("status"),
                FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")]),
            ],
            heading="Status and period",
        ),
        FieldPanel("activities"),
        InlinePanel("mapping_countries", heading="Mapping countries", label="Country"),
        InlinePanel("partners", heading="Partners", label="Partner"),
        FieldPanel("funder_acknowledgement"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("summary")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["protect.AwarenessPage"]

    def clean(self):
        super().clean()
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": "The project cannot end before it starts."})


class ProjectCountry(TranslatableMixin, Orderable):
    """One of the countries of the national mapping exercise, with what was found there."""

    page = ParentalKey(ProjectPage, related_name="mapping_countries", on_delete=models.CASCADE)
    country = models.CharField(max_length=2, choices=MAPPING_COUNTRY_CHOICES)
    note = models.TextField(blank=True, max_length=500)

    panels = [FieldPanel("country"), FieldPanel("note")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        unique_together = [("translation_key", "locale")]

    def __str__(self):
        return self.get_country_display()


class ProjectPartner(TranslatableMixin, Orderable):
    page = ParentalKey(ProjectPage, related_name="partners", on_delete=models.CASCADE)
    name = models.CharField(max_length=200)
    url = models.URLField(blank=True)
    role = models.CharField(max_length=200, blank=True)

    panels = [FieldPanel("name"), FieldPanel("url"), FieldPanel("role")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        unique_together = [("translation_key", "locale")]

    def __str__(self):
        return self.name
