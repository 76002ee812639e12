"""Subtitle, transcript and video files, included by cms/urls.py at ``api/partner/v1/videos/``.

Only these exact paths are claimed; everything else under ``videos/`` falls through to the
partner API (cms/api).
"""

from django.urls import path

from .views import files

app_name = "protect_files"

urlpatterns = [
    path("<int:page_id>/tracks/<str:language>.vtt", files.track, name="track"),
    path("<int:page_id>/transcript/<str:language>.txt", files.transcript, name="transcript"),
    path("<int:page_id>/video.<str:ext>", files.video, name="video"),
]
