"""``/sitemap.xml``: every visible page in every locale, with ``hreflang`` alternates.

Visible means ``cms.visibility.public_pages`` (live, not view-restricted, no withdrawn
ancestor), the same rule as the API, so the sitemap never gives away a hidden section's slug.
Each URL lists every visible translation of its page plus ``x-default`` (the default language's
translation, else the first in the language table's order), on the public host
(``cms.addresses``). Django's sitemap template renders the alternates as ``xhtml:link``.
"""

from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import sitemap as django_sitemap
from django.views.decorators.http import require_safe
from wagtail.models import Page

from cms import languages
from cms.addresses import public_base_url
from cms.visibility import public_pages


class PublicPagesSitemap(Sitemap):
    def __init__(self, request):
        self.request = request

    def get_urls(self, page=1, site=None, protocol=None):
        base = public_base_url(self.request)
        rows = (
            public_pages(Page.objects.all(), self.request).select_related("locale").order_by("path")
        )
        groups: dict = {}
        for row in rows:
            url = row.get_url(request=self.request)
            if url:
                groups.setdefault(row.translation_key, []).append((row, base + url))
        default_code = languages.default().code
        urls = []
        for group in groups.values():
            group.sort(key=lambda item: languages.sort_key(item[0].locale.language_code))
            alternates = [
                {"lang_code": row.locale.language_code, "location": location}
                for row, location in group
            ]
            by_code = {alt["lang_code"]: alt["location"] for alt in alternates}
            x_default = by_code.get(default_code, alternates[0]["location"])
            alternates.append({"lang_code": "x-default", "location": x_default})
            for row, location in group:
                urls.append(
                    {
                        "item": row,
                        "location": location,
                        "lastmod": row.last_published_at,
                        "changefreq": None,
                        "priority": None,
                        "alternates": alternates,
                    }
                )
        self.latest_lastmod = max((u["lastmod"] for u in urls if u["lastmod"]), default=None)
        return urls


@require_safe
def sitemap(request):
    return django_sitemap(request, {"pages": PublicPagesSitemap(request)})
