from django import template

from protect import selectors

register = template.Library()


@register.simple_tag
def subtitle_track_rows(page):
    """The 23-language track table of a video page (for the editor's Subtitles panel)."""
    return selectors.track_statuses(page)
