"""The site's public address, for links that leave it (sitemap, embed snippets, oEmbed).

``PUBLIC_BASE_URL`` (e.g. ``https://protect.example``) when it is set, otherwise the scheme and
host the request came in on, so a fresh machine needs no setting.
"""

from django.conf import settings


def public_base_url(request=None) -> str:
    configured = (getattr(settings, "PUBLIC_BASE_URL", "") or "").rstrip("/")
    if configured or request is None:
        return configured
    return f"{request.scheme}://{request.get_host()}"


def absolute_url(request, path: str) -> str:
    """``path`` (``/en/about/``) on the public host; unchanged if it is already absolute."""
    if path.startswith(("http://", "https://")):
        return path
    return public_base_url(request) + path
