"""The "Subtitles" panel of the video page editor: the state of all the video's languages.

The rows come from a template tag (``protect_admin.subtitle_track_rows``): the page model
declares this panel, so this module cannot import the selectors, which import the model.
"""

from django.urls import reverse
from wagtail.admin.panels import Panel

from protect import embedding


class SubtitleTracksPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "protect/admin/subtitle_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            context["page"] = page
            if page.pk:
                context["manage_url"] = reverse("protect_subtitles", args=[page.pk])
            return context


class EmbedSnippetPanel(Panel):
    """The copy-paste ``<iframe>`` of the public player (and a script-free fallback link) for
    partners' sites; shown once the video is live, because the player only shows public pages."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "protect/admin/embed_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            context["page"] = page
            if page.pk and page.live:
                context["snippet"] = embedding.snippet(page, self.request)
            return context
