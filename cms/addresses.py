"""The CMS's one public address: ``PUBLIC_BASE_URL`` (default ``http://127.0.0.1:8000``).

Everything that writes an absolute URL takes it from here, never from the request's Host
header: the default Wagtail Site (hostname and port, so page URLs follow; kept in step after every
``migrate`` by ``ensure_default_site``), the partner API's ``url``/``src`` fields, the sitemap,
embed snippets, notification e-mail links (``WAGTAILADMIN_BASE_URL`` defaults to it) and CDN
purges. Only when it is set to "" do links fall back to the host a request came in on.
"""

from urllib.parse import urljoin, urlsplit

from django.conf import settings
from wagtail.models import Site


def public_base_url(request=None) -> str:
    """``http://127.0.0.1:8000``: scheme, host and port, no trailing slash."""
    configured = (getattr(settings, "PUBLIC_BASE_URL", "") or "").rstrip("/")
    if configured or request is None:
        return configured
    return f"{request.scheme}://{request.get_host()}"


base_url = public_base_url


def absolute(url: str, request=None) -> str:
    """``/media/x.pdf`` → ``<base>/media/x.pdf``; an absolute URL (S3, CDN) stays as it is."""
    if url.startswith(("http://", "https://")):
        return url
    return urljoin(public_base_url(request) + "/", url)


def absolute_url(request, path: str) -> str:
    """``path`` (``/en/about/``) on the public host; unchanged if it is already absolute."""
    return absolute(path, request)


def host_and_port() -> tuple[str, int]:
    parts = urlsplit(public_base_url() or "http://127.0.0.1:8000")
    return parts.hostname or "127.0.0.1", parts.port or (443 if parts.scheme == "https" else 80)


def ensure_default_site() -> bool:
    """Point the default Wagtail Site at PUBLIC_BASE_URL; True when it changed."""
    if not public_base_url():
        return False
    hostname, port = host_and_port()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None or (site.hostname, site.port) == (hostname, port):
        return False
    site.hostname, site.port = hostname, port
    site.save()
    return True
