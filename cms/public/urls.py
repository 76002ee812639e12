"""Included by cms/urls.py at the root, above the language-prefixed pages."""

from django.urls import path

from . import embed

app_name = "public_site"

urlpatterns = [
    path("embed/videos/<int:page_id>/", embed.video, name="embed_video"),
]
