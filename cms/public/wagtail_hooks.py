"""Rendered pages follow the visibility rule of the API and the sitemap."""

from django.http import Http404
from wagtail import hooks

from cms.visibility import under_withdrawn_section


@hooks.register("before_serve_page")
def withdrawn_sections_hide_their_pages(page, request, serve_args, serve_kwargs):
    """Wagtail serves a live page whose section (an ancestor) was unpublished; we answer 404,
    so the section's slug is not given away. View-restricted pages keep Wagtail's own login or
    password prompt (its hook runs too); previews do not pass through here."""
    if under_withdrawn_section(page):
        raise Http404
