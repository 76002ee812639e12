from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from home.models import BasePage
from protect.blocks import AwarenessStreamBlock


class AwarenessPage(BasePage):
    """Awareness-raising content for migrant communities and professionals."""

    body = StreamField(AwarenessStreamBlock(), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("body")]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage", "protect.ProjectPage", "protect.AwarenessPage"]
    subpage_types = ["protect.AwarenessPage"]
