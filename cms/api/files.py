"""The public subtitle, transcript and video files of live, public video pages.

Plain Django views routed by ``cms/api/urls.py`` under ``/api/partner/v1/videos/``, so they get
what every partner API answer gets: CORS, ETag/Last-Modified, 304s, the response cache and JSON
errors (``cms/api/middleware.py``). Subtitle files are rendered from the stored cues whenever
a page's cues are written (``protect/track_files.py``), never taken from the uploaded file.
"""

import hashlib

from django.http import HttpResponse
from django.views.decorators.http import require_safe

from cms import languages, prepared
from cms.visibility import public_pages, visible_sql
from protect.models import VideoPage

from .errors import error_response
from .params import in_id_range
from .ranges import serve_ranges


def public_video(request, page_id: int) -> VideoPage | None:
    """The live, public page ``page_id`` (without its cues). Two queries: the view
    restrictions (once per request) and the page."""
    if not in_id_range(page_id):
        return None
    visible = public_pages(VideoPage.objects.defer("cues"), request)
    return visible.filter(pk=page_id).select_related("locale").first()


def _not_found(what: str):
    return error_response(404, "not_found", what)


# The video's page, its translation into the language, and that translation's track file, both
# pages visible; p must be a video page (translations share its type; the track file implies t's).
# One statement per column: a track answer does not read (nor detoast) the transcript.
_TRACK_SQL = f"""
SELECT t.slug, f.{{column}}
FROM wagtailcore_page p
JOIN protect_videopage pv ON pv.page_ptr_id = p.id
JOIN wagtailcore_page t ON t.translation_key = p.translation_key
JOIN wagtailcore_locale l ON l.id = t.locale_id
JOIN protect_trackfile f ON f.page_id = t.id
WHERE p.id = %s AND l.language_code = %s AND f.cue_count > 0
  AND {visible_sql("p")} AND {visible_sql("t")}
"""
_TRACK_COLUMN_SQL = {column: _TRACK_SQL.format(column=column) for column in ("vtt", "transcript")}


def _track_file(page_id: int, language: str, column: str) -> tuple[str, str] | None:
    """(slug, text) of the live, public translation into ``language`` of video ``page_id``,
    ``column`` (``vtt`` or ``transcript``) of its stored track file (``protect.TrackFile``), in
    one prepared query; None when there is none or it has no cues."""
    if not in_id_range(page_id) or languages.get(language) is None:
        return None
    return prepared.fetch_one(_TRACK_COLUMN_SQL[column], (page_id, language))


@require_safe
def track(request, page_id: int, language: str):
    found = _track_file(page_id, language, "vtt")
    if found is None:
        return _not_found(f"Video {page_id} has no published '{language}' subtitles.")
    slug, vtt = found
    return _text(vtt, "text/vtt", f"{slug}.{language}.vtt", language)


@require_safe
def transcript(request, page_id: int, language: str):
    found = _track_file(page_id, language, "transcript")
    if found is None:
        return _not_found(f"Video {page_id} has no published '{language}' transcript.")
    slug, transcript_text = found
    return _text(transcript_text, "text/plain", f"{slug}.{language}.txt", language)


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
