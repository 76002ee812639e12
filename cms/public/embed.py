"""``/embed/videos/<id>/?locale=fa``: the player partners paste into their sites.

Self-contained: everything it loads comes from this site (CSP ``default-src 'self'``), it sets
no cookie (``middleware.py``), and without JavaScript it still plays with a ``<track>`` per
published subtitle language, the served locale's track as default. Labels are in the requested
language from the UI catalogs (``locale/``); page texts are in the language actually served.
``id`` may be any visible translation of the video; ``locale`` picks the translation (else the
page itself is served, and its track is the default).
"""

from django.conf import settings
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import render
from django.utils import translation
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_safe

from cms import languages
from cms.subtitles import render_transcript
from cms.uploads import rendition_or_none
from cms.visibility import public_pages
from protect import tracks
from protect.models import VideoPage

CSP = (
    "default-src 'self'; media-src 'self' https:; img-src 'self' data:; "
    "style-src 'self'; script-src 'self'; frame-ancestors *; base-uri 'none'; form-action 'none'"
)


def served_video(request, page_id: int, code: str) -> VideoPage:
    visible = public_pages(VideoPage.objects.all(), request).select_related("locale")
    page = visible.filter(pk=page_id).first()
    if page is None:
        raise Http404("No such public video.")
    translated = visible.filter(translation_key=page.translation_key, locale__language_code=code)
    return translated.first() or page


@xframe_options_exempt
@require_safe
def video(request, page_id: int):
    code = request.GET.get("locale", "")
    language = languages.get(code) if code else None
    if code and language is None:
        allowed = ", ".join(languages.codes())
        return HttpResponseBadRequest(
            f"Unknown locale '{code}'. Use one of: {allowed}.", content_type="text/plain"
        )
    page = served_video(request, page_id, code or "")
    language = language or languages.get(page.locale.language_code) or languages.default()
    served = languages.get(page.locale.language_code) or languages.default()
    items = tracks.published_tracks(page, page.locale.language_code)
    for item in items:
        # ``outdated`` comes with the staleness of tracks; older payloads lack it.
        item["outdated"] = bool(item.get("outdated", False))
        item["transcript"] = tracks.transcript_url(page, item["srclang"])
    context = {
        "page": page,
        "language": language,
        "served": served,
        "tracks": items,
        "any_outdated": any(item["outdated"] for item in items),
        "video_src": tracks.video_file_url(page) if page.video_file else page.video_url,
        "poster": rendition_or_none(page.poster, tracks.POSTER_RENDITION)
        if page.poster_id
        else None,
        "transcript": render_transcript(page.get_cues()) if page.cue_count else "",
        "quick_exit_url": settings.QUICK_EXIT_URL,
    }
    with translation.override(language.code):
        response = render(request, "public_site/embed.html", context)
    response["Content-Security-Policy"] = CSP
    response["Content-Language"] = language.code
    response["Cache-Control"] = "no-cache"  # an unpublished video must vanish at once
    return response
