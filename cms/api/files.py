"""The public subtitle, transcript and video files of live, public video pages.

Plain Django views routed by ``cms/api/urls.py`` under ``/api/partner/v1/videos/``, so they get
what every partner API answer gets: CORS, ETag/Last-Modified, 304s, the response cache and JSON
errors (``cms/api/middleware.py``). Files are always generated from the stored cues, never the
uploaded file.
"""

import hashlib

from django.db.models import Subquery
from django.http import HttpResponse
from django.views.decorators.http import require_safe

from cms import languages
from cms.subtitles import render_transcript, render_vtt
from cms.visibility import public_pages
from protect.models import VideoPage

from .errors import error_response
from .params import in_id_range
from .ranges import serve_ranges


def public_video(request, page_id: int, language: str | None = None) -> VideoPage | None:
    """The live, public page ``page_id``, or its live, public translation into ``language``.

    Two queries: the view restrictions (once per request) and the page.
    """
    if not in_id_range(page_id):
        return None
    visible = public_pages(VideoPage.objects.all(), request)
    if language is None:
        return visible.filter(pk=page_id).select_related("locale").first()
    if languages.get(language) is None:
        return None
    key = Subquery(visible.filter(pk=page_id).values("translation_key")[:1])
    return visible.filter(translation_key=key, locale__language_code=language).first()


def _not_found(what: str):
    return error_response(404, "not_found", what)


@require_safe
def track(request, page_id: int, language: str):
    page = public_video(request, page_id, language)
    if page is None or not page.cue_count:
        return _not_found(f"Video {page_id} has no published '{language}' subtitles.")
    body = render_vtt(page.get_cues(), language=language)
    return _text(body, "text/vtt", f"{page.slug}.{language}.vtt", language)


@require_safe
def transcript(request, page_id: int, language: str):
    page = public_video(request, page_id, language)
    if page is None or not page.cue_count:
        return _not_found(f"Video {page_id} has no published '{language}' transcript.")
    body = render_transcript(page.get_cues())
    return _text(body, "text/plain", f"{page.slug}.{language}.txt", language)


@require_safe
def video(request, page_id: int, ext: str):
    page = public_video(request, page_id)
    name = page.video_file.name if page is not None else ""
    if not name or name.rpartition(".")[2].lower() != ext:
        return _not_found(f"Video {page_id} has no published .{ext} file.")
    # Stored names are never reused (the storage renames clashes), so the name identifies
    # the bytes.
    etag = '"' + hashlib.sha256(name.encode()).hexdigest()[:32] + '"'
    return serve_ranges(
        request,
        page.video_file.storage,
        name,
        content_type=page.video_mime_type,
        etag=etag,
        modified_at=page.last_published_at or page.latest_revision_created_at,
        # The partner API middleware turns HEAD into GET for the views; the body still must
        # not be read.
        head=request.META.get("REQUEST_METHOD") == "HEAD",
    )


def _text(body: str, content_type: str, filename: str, language: str) -> HttpResponse:
    response = HttpResponse(body.encode("utf-8"), content_type=f"{content_type}; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Content-Language"] = language
    response["X-Content-Type-Options"] = "nosniff"
    return response
