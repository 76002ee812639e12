"""Headers every public answer shares.

* ``Referrer-Policy: no-referrer`` outside the admin: a survivor's browsing must not tell the
  next site where they came from. The admin keeps Django's default, because with
  ``no-referrer`` browsers send ``Origin: null`` on POST and Django's CSRF check refuses it.
* LocaleMiddleware turns a 404 under ``/embed/`` into a redirect to ``/<language>/embed/…``
  (the pages' catch-all matches anything): the embed's 404 is put back.
* The embed never sets a cookie (it is shown on partners' sites; a cookie would be
  third-party tracking and needs a consent banner there): anything a middleware below added
  is dropped.
"""

from django.conf import settings
from django.http import HttpResponseNotFound

EMBED_PREFIX = "/embed/"


class PublicHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = "/" + getattr(settings, "WAGTAILADMIN_PATH", "admin/").lstrip("/")

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(EMBED_PREFIX):
            if response.status_code in (301, 302) and response.get("Location", "").endswith(
                request.get_full_path()
            ):
                response = HttpResponseNotFound(
                    "No such public video.", content_type="text/plain; charset=utf-8"
                )
            response.cookies.clear()
        if not request.path.startswith(self.admin_prefix):
            response["Referrer-Policy"] = "no-referrer"
        return response
