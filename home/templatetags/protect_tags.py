from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page

from cms import languages
from cms.addresses import absolute_url
from cms.visibility import public_pages

register = template.Library()


@register.simple_tag(takes_context=True)
def page_language(context):
    """The language of what is shown: the page's locale, else the active language.

    Previews in the admin run with the admin's language active, so the page's own locale wins.
    """
    page = context.get("page")
    code = page.locale.language_code if page is not None else translation.get_language()
    return languages.get(code or "") or languages.default()


@register.simple_tag(takes_context=True)
def live_translations(context):
    """Live translations of the current page (itself included), in the language table's order."""
    page = context.get("page")
    if page is None:
        return []
    by_code = {
        p.locale.language_code: p
        for p in page.get_translations(inclusive=True).live().public().select_related("locale")
    }
    return [
        (lang, by_code[lang.code]) for lang in languages.all_languages() if lang.code in by_code
    ]


@register.simple_tag(takes_context=True)
def site_navigation(context):
    """The sections of the site in the page's language: the visible pages just below its home
    page, in tree order, as ``(page, is_current)``. One query."""
    page = context.get("page")
    if page is None or page.depth < 2:
        return []
    home_path = page.path[: Page.steplen * 2]
    rows = (
        public_pages(Page.objects.all(), context.get("request"))
        .filter(path__startswith=home_path, depth__lte=3)
        .order_by("path")
    )
    return [(row, page.path.startswith(row.path)) for row in rows]


@register.simple_tag(takes_context=True)
def oembed_url(context):
    """The oEmbed discovery address of the current page (``/api/partner/v1/oembed/?url=…``)."""
    page, request = context.get("page"), context.get("request")
    if page is None or request is None or not page.live:
        return ""
    page_url = absolute_url(request, page.get_url(request) or "/")
    return absolute_url(request, reverse("partner_api:oembed") + "?" + urlencode({"url": page_url}))


@register.simple_tag
def quick_exit_url():
    """Where the quick-exit control goes (settings.QUICK_EXIT_URL)."""
    return settings.QUICK_EXIT_URL


@register.simple_tag(takes_context=True)
def public_url(context, page):
    """``page``'s address on the public host (cms.addresses), as the sitemap gives it."""
    request = context.get("request")
    return absolute_url(request, page.get_url(request) or "/")
