"""Public page URLs from ``url_path`` alone, without loading pages.

Wagtail's ``Page.get_full_url`` needs a page object and reverses a URL per call; listings with
23 translations per item would load and reverse thousands. This gives the same answer from the
site root paths (cached by Wagtail, read once per request) and one reverse per language.
"""

from functools import cache

from django.urls import NoReverseMatch, reverse
from django.utils import translation
from wagtail.models import Site


@cache
def _language_prefix(language_code: str) -> str | None:
    """``/ar/`` for Arabic: the i18n prefix of ``wagtail_serve`` (fixed by the URLconf)."""
    try:
        with translation.override(language_code):
            return reverse("wagtail_serve", args=("",))
    except NoReverseMatch:
        return None


def _root_paths(request):
    try:
        return request._wagtail_cached_site_root_paths  # the attribute Wagtail itself uses
    except AttributeError:
        request._wagtail_cached_site_root_paths = Site.get_site_root_paths()
        return request._wagtail_cached_site_root_paths


def full_url(request, url_path: str) -> str | None:
    """What ``page.get_full_url(request)`` answers for a page with this ``url_path``."""
    matches = [root for root in _root_paths(request) if url_path.startswith(root.root_path)]
    if not matches:
        return None
    chosen = matches[0]
    if len({root.site_id for root in matches}) > 1:
        site = Site.find_for_request(request)
        chosen = next((root for root in matches if site and root.site_id == site.pk), chosen)
    prefix = _language_prefix(chosen.language_code)
    if prefix is None:
        return None
    return chosen.root_url + prefix + url_path[len(chosen.root_path) :]
