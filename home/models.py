from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from .blocks import RICH_TEXT_FEATURES, BaseStreamBlock


class BasePage(Page):
    """What every PROTECT page shares: a short introduction used in listings and previews."""

    intro = models.TextField(
        blank=True, max_length=400, help_text="One or two sentences shown in listings."
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]

    class Meta:
        abstract = True


class HomePage(BasePage):
    body = RichTextField(blank=True, features=RICH_TEXT_FEATURES)
    sections = StreamField(BaseStreamBlock(), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("body"), FieldPanel("sections")]

    max_count_per_parent = 1
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["protect.ProjectPage", "protect.AwarenessPage", "protect.VideoPage"]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["children"] = self.get_children().live().public().specific()
        return context
