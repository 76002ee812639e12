"""The one exception to the site-wide Content-Security-Policy (cms/settings/security.py).

Wagtail's admin still runs a few inline scripts of its own (page explorer, editor) that carry
no nonce, so under ``/admin/`` scripts may also be inline. Everywhere else (rendered pages,
the API, the embed) scripts come only from this site or carry the response's nonce.
"""

from django.conf import settings

ADMIN_SCRIPT_SRC = ["'self'", "'unsafe-inline'"]


class AdminScriptPolicyMiddleware:
    """Installed right after ``csp.middleware.CSPMiddleware`` so its mark is read by it."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = "/" + getattr(settings, "WAGTAILADMIN_PATH", "admin/").lstrip("/")

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(self.admin_prefix):
            response._csp_replace = {"script-src": ADMIN_SCRIPT_SRC}
        return response
