"""Included by cms/urls.py at ``api/partner/v1/`` (above the i18n patterns): ninja's JSON
endpoints, the subtitle/transcript/video files, and a JSON 404 for anything else."""

from django.http import HttpResponsePermanentRedirect
from django.urls import Resolver404, path, re_path, resolve

from . import files
from .api import api
from .errors import error_response


def not_found(request, rest=""):
    """JSON 404; a known endpoint asked without its trailing slash is redirected to it (the
    site's APPEND_SLASH cannot: this catch-all matches first)."""
    if rest and not rest.endswith("/"):
        try:
            match = resolve(request.path + "/")
        except Resolver404:
            match = None
        if match is not None and match.func is not not_found:
            query = request.META.get("QUERY_STRING", "")
            return HttpResponsePermanentRedirect(
                request.path + "/" + ("?" + query if query else "")
            )
    return error_response(404)


urlpatterns = [
    *api.urls[0],
    path("videos/<int:page_id>/tracks/<str:language>.vtt", files.track, name="video_track"),
    path(
        "videos/<int:page_id>/transcript/<str:language>.txt",
        files.transcript,
        name="video_transcript",
    ),
    path("videos/<int:page_id>/video.<str:ext>", files.video, name="video_file"),
    # Anything else under the API answers JSON, never the site's HTML 404.
    re_path(r"^(?P<rest>.*)$", not_found),
]
app_name = api.urls_namespace
