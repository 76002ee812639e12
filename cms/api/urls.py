"""Included by cms/urls.py at ``api/partner/v1/`` (above the i18n patterns): ninja's JSON
endpoints, the subtitle/transcript/video files, and a JSON 404 for anything else."""

from django.urls import path, re_path

from . import files
from .api import api
from .errors import error_response


def not_found(request, rest=""):
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
