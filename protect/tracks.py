"""A video's public subtitle tracks and video payload: what partners and players may see.

A track in language X is the video page's live, public translation into X (see
``protect/models/video.py``). Reads go through ``cms.visibility.public_pages``, the one place
that decides what anonymous visitors may see; the files themselves are served by the partner
API (``cms/api/files.py``, URL names ``partner_api:video_*``). Editors' reads (drafts too) are in
``protect/selectors.py``. The model module imports this one, so this one takes the page's model
from the pages it is given rather than importing it.
"""

import posixpath
from urllib.parse import urlsplit

from django.db.models import F, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail_localize.models import TranslationSource

from cms import languages
from cms.addresses import absolute
from cms.uploads import policy as upload_policy
from cms.uploads import rendition_or_none
from cms.visibility import public_pages

POSTER_RENDITION = "max-1280x720|format-jpeg"
VIDEO_TYPES = upload_policy.ALLOWED[upload_policy.Purpose.VIDEO]


def video_mime_type(file_name: str, video_url: str) -> str | None:
    """The MIME type of an uploaded video file's name, else of an external address's path."""
    name = file_name or urlsplit(video_url).path
    return VIDEO_TYPES.get(posixpath.splitext(name)[1].lower().lstrip("."))


def with_cue_totals(queryset):
    """Video pages annotated with ``cue_total`` from their track files, so ``video_payload``
    need not load the cues (300 per language) to know whether there are any."""
    return queryset.annotate(cue_total=Coalesce(F("track_file__cue_count"), 0))


# --- public ---------------------------------------------------------------------------------
def transcript_url(video_page: Page, code: str) -> str:
    return _transcript_path(video_page.pk, code)


def _transcript_path(page_id: int, code: str) -> str:
    return reverse("partner_api:video_transcript", kwargs={"page_id": page_id, "language": code})


def group_tracks(page_id: int, members, source_code, served_locale_code: str, request=None):
    """``published_tracks`` from ``video_group.translation_group``'s answer, with URLs of page ``page_id``."""
    counts = _outdated_counts({m.code: (m.cue_count, m.timings) for m in members}, source_code)
    return _track_items(page_id, counts, served_locale_code, request)


def published_tracks(video_page, served_locale_code: str, request=None) -> list[dict]:
    """The contract's track items, one per language whose translation of the video is live.

    ``video_page``: any page of the video (usually the one being served).
    ``served_locale_code``: the locale of the response; its track gets ``default: true``.
    ``request``: optional; when given, ``src`` is an absolute URL (``https://host/api/…``),
    otherwise an absolute path (``/api/partner/v1/videos/12/tracks/fr.vtt``).

    Items come in the order of ``cms/languages.json``:
    ``{srclang, label, kind: "subtitles", dir, src, default, cue_count, outdated}``; ``label``
    is the language's native name; ``outdated``: the source's live cues changed since this
    track was published (``track_files.timings_fingerprint``). Languages without cues are left
    out. Two queries at most (view restrictions, once per request, and the pages with their
    track files). For a listing use ``published_tracks_many``.
    """
    key = video_page.translation_key
    counts = _cue_counts(type(video_page), [key], request).get(key, {})
    return _track_items(video_page.pk, counts, served_locale_code, request)


def published_tracks_many(video_pages, request=None) -> dict[int, list[dict]]:
    """``published_tracks`` for many pages at once, keyed by page id, with each page's own
    locale as the default track: one query (plus the view restrictions) for the whole list."""
    if not video_pages:
        return {}
    model = type(video_pages[0])
    counts = _cue_counts(model, {page.translation_key for page in video_pages}, request)
    return {
        page.pk: _track_items(
            page.pk, counts.get(page.translation_key, {}), page.locale.language_code, request
        )
        for page in video_pages
    }


def _cue_counts(model, translation_keys, request) -> dict:
    """{translation key: {language: (cue count, outdated)}}, in one query: each track's timing
    fingerprint (``protect.TrackFile``, written with the page) is compared with its live
    source's (the locale of the first translation source): no cues are loaded."""
    first_source = TranslationSource.objects.filter(object_id=OuterRef("translation_key"))
    rows = (
        public_pages(model.objects.all(), request)
        .filter(translation_key__in=list(translation_keys))
        .annotate(
            source_code=Subquery(
                first_source.order_by("created_at").values("locale__language_code")[:1]
            )
        )
        .values_list(
            "translation_key",
            "locale__language_code",
            "track_file__cue_count",
            "track_file__timings",
            "source_code",
        )
    )
    tracks_by_key: dict = {}
    sources: dict = {}
    for key, code, count, timings, source_code in rows:
        tracks_by_key.setdefault(key, {})[code] = (count or 0, timings)
        sources[key] = source_code
    return {key: _outdated_counts(tracks, sources[key]) for key, tracks in tracks_by_key.items()}


def _outdated_counts(tracks: dict, source_code) -> dict:
    """{language: (cue count, outdated)} from {language: (cue count, timings)}, without the
    languages that have no cues."""
    source = tracks.get(source_code)
    return {
        code: (count, source is not None and code != source_code and timings != source[1])
        for code, (count, timings) in tracks.items()
        if count
    }


_PLACEHOLDER = "-"


def _track_items(page_id: int, counts: dict, served_locale_code: str, request) -> list[dict]:
    # One reverse() for every track: the URL with a placeholder language, completed per track.
    url = reverse("partner_api:video_track", kwargs={"page_id": page_id, "language": _PLACEHOLDER})
    if request is not None:
        url = absolute(url)
    head = url.removesuffix(f"{_PLACEHOLDER}.vtt")
    items = []
    for language in languages.all_languages():
        if language.code not in counts:
            continue
        items.append(
            {
                "srclang": language.code,
                "label": language.native_name,
                "kind": "subtitles",
                "dir": language.dir,
                "src": f"{head}{language.code}.vtt",
                "default": language.code == served_locale_code,
                "cue_count": counts[language.code][0],
                "outdated": counts[language.code][1],
            }
        )
    return items


def video_payload(video_page, request) -> dict:
    """The contract's ``video`` object and ``transcript_url`` for ``video_page`` (already known
    to be live and public), with absolute URLs:

        {"video": {"url", "mime_type", "duration_seconds", "poster": {url, width, height, alt}
                   or None},
         "transcript_url": str or None}   # the page's own language; None without cues

    ``url`` is the CMS's own range-capable file URL for uploaded videos, or the external
    address. One query for the poster image and one or two for its rendition (made once).
    """
    return _payload(
        video_page.pk,
        video_page.locale.language_code,
        video_page.video_file.name or "",
        video_page.video_url,
        video_page.duration_seconds,
        _poster(video_page.poster, video_page.poster_alt),
        _has_cues(video_page),
    )


def member_video_payload(member) -> dict:
    """``video_payload`` for a ``video_group.translation_group`` member: one query for its poster image
    (when it has one) and one or two for the rendition (made once)."""
    poster = None
    if member.poster_id is not None:
        poster = get_image_model().objects.filter(pk=member.poster_id).first()
    return _payload(
        member.id,
        member.code,
        member.video_file,
        member.video_url,
        member.duration_seconds,
        _poster(poster, member.poster_alt),
        member.cue_count > 0,
    )


def _payload(page_id, code, file_name, video_url, duration, poster, has_cues) -> dict:
    url = absolute(_file_path(page_id, file_name)) if file_name else (video_url or None)
    return {
        "video": {
            "url": url,
            "mime_type": video_mime_type(file_name, video_url),
            "duration_seconds": float(duration) if duration is not None else None,
            "poster": poster,
        },
        "transcript_url": absolute(_transcript_path(page_id, code)) if has_cues else None,
    }


def _has_cues(video_page) -> bool:
    """From the ``cue_total`` annotation (``with_cue_totals``) when the cues were not loaded."""
    total = getattr(video_page, "cue_total", None)
    return bool(total if total is not None else video_page.cue_count)


def video_file_url(video_page) -> str:
    return _file_path(video_page.pk, video_page.video_file.name)


def _file_path(page_id: int, file_name: str) -> str:
    ext = file_name.rpartition(".")[2].lower()
    return reverse("partner_api:video_file", kwargs={"page_id": page_id, "ext": ext})


def _poster(image, alt: str) -> dict | None:
    if image is None:
        return None
    rendition = rendition_or_none(image, POSTER_RENDITION)
    if rendition is None:
        return None  # cannot be made now (storage down or full): no poster, not a 500
    return {
        "url": absolute(rendition.url),
        "width": rendition.width,
        "height": rendition.height,
        "alt": alt or getattr(image, "description", "") or "",
    }
