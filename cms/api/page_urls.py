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


class _RootIndex:
    """The site roots of one request by ``root_path``, and the URL start chosen for each set
    of roots a ``url_path`` falls under: a listing's ~460 URLs look up a few prefixes of their
    path instead of testing every root (23 per site) and choosing again."""

    def __init__(self, request):
        self.request = request
        self.roots = list(_root_paths(request))
        self.by_path: dict[str, list[int]] = {}  # root_path → places in Wagtail's order
        for place, root in enumerate(self.roots):
            self.by_path.setdefault(root.root_path, []).append(place)
        # Wagtail's root paths are url_paths, which end with "/"; any other would need the scan.
        self.slashed = all(root.root_path.endswith("/") for root in self.roots)
        self.starts: dict[tuple, tuple[int, str] | None] = {}
        self.found: dict[str, tuple[int, str] | None] = {}  # by url_path or parent's url_path

    def matches(self, url_path: str) -> tuple[int, ...]:
        """Places of the roots whose path starts ``url_path``, in Wagtail's order."""
        if not self.slashed:
            return tuple(
                place
                for place, root in enumerate(self.roots)
                if url_path.startswith(root.root_path)
            )
        places = []
        end = url_path.find("/")
        while end != -1:
            places += self.by_path.get(url_path[: end + 1], ())
            end = url_path.find("/", end + 1)
        return tuple(sorted(places))

    def start(self, places: tuple[int, ...]) -> tuple[int, str] | None:
        """``(length of the chosen root_path, root URL + language prefix)``, or None."""
        try:
            return self.starts[places]
        except KeyError:
            pass
        matches = [self.roots[place] for place in places]
        chosen = matches[0]
        if len({root.site_id for root in matches}) > 1:
            site = Site.find_for_request(self.request)
            chosen = next((root for root in matches if site and root.site_id == site.pk), chosen)
        prefix = _language_prefix(chosen.language_code)
        found = None if prefix is None else (len(chosen.root_path), chosen.root_url + prefix)
        self.starts[places] = found
        return found


def _index(request) -> _RootIndex:
    try:
        return request._partner_api_root_index
    except AttributeError:
        request._partner_api_root_index = _RootIndex(request)
        return request._partner_api_root_index


def full_url(request, url_path: str) -> str | None:
    """What ``page.get_full_url(request)`` answers for a page with this ``url_path``."""
    index = _index(request)
    key = url_path
    if index.slashed and url_path not in index.by_path:
        # Not a root itself: under the roots its parent is under. Siblings (a listing's
        # translations, mostly) then share one lookup.
        key = url_path[: url_path.rfind("/", 0, -1) + 1]
    try:
        found = index.found[key]
    except KeyError:
        places = index.matches(key)
        found = index.found[key] = index.start(places) if places else None
    if found is None:
        return None
    cut, start = found
    return start + url_path[cut:]
