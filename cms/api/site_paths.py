"""Which page a public site path (``/ar/about/``) names: the one reading of site paths, for
``/pages/by-path/`` and ``/oembed/``."""

from urllib.parse import urlparse

from django.db.models import Q
from wagtail.models import Site

from cms import languages


def page_filter(path: str) -> tuple[Q | None, str]:
    """``(filter on Page, language code of the path)``; the filter is None when no site serves
    the path. A full URL is accepted (its path is used); paths without a language prefix mean
    the default language. Raises ValueError for a malformed URL."""
    parsed = urlparse(path).path or "/"
    parts = [part for part in parsed.split("/") if part]
    code = languages.default().code
    if parts and languages.get(parts[0]):
        code = parts.pop(0)
    roots = [root for root in Site.get_site_root_paths() if root.language_code == code]
    if not roots:
        return None, code
    rest = "".join(part + "/" for part in parts)
    url_paths = [root.root_path + rest for root in roots]
    return Q(url_path__in=url_paths, locale__language_code=code), code
