"""Included by cms/urls.py at ``api/partner/v1/`` (above the i18n patterns)."""

from django.urls import re_path

from .api import api
from .errors import error_response


def not_found(request, rest=""):
    return error_response(404)


urlpatterns = [
    *api.urls[0],
    # Anything else under the API answers JSON, never the site's HTML 404.
    re_path(r"^(?P<rest>.*)$", not_found),
]
app_name = api.urls_namespace
