"""A video's public subtitle tracks and video payload: what partners and players may see.

A track in language X is the video page's live, public translation into X (see
``protect/models/video.py``). Reads go through ``cms.visibility.public_pages``, the one place
that decides what anonymous visitors may see; the files themselves are served by the partner
API (``cms/api/files.py``, URL names ``partner_api:video_*``). Editors' reads (drafts too) are in
``protect/selectors.py``. The model module imports this one, so this one takes the page's model
from the pages it is given rather than importing it.
"""

from django.db.models import F, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import TranslationSource

from cms import languages
from cms.addresses import absolute
from cms.uploads import rendition_or_none
from cms.visibility import public_pages

POSTER_RENDITION = "max-1280x720|format-jpeg"


def with_cue_totals(queryset):
    """Video pages annotated with ``cue_total`` from their track files, so ``video_payload``
    need not load the cues (300 per language) to know whether there are any."""
    return queryset.annotate(cue_total=Coalesce(F("track_file__cue_count"), 0))


# --- public ---------------------------------------------------------------------------------
def track_url(video_page: Page, code: str) -> str:
    return reverse("partner_api:video_track", kwargs={"page_id": video_page.pk, "language": code})


def transcript_url(video_page: Page, code: str) -> str:
    return reverse(
        "partner_api:video_transcript", kwargs={"page_id": video_page.pk, "language": code}
    )


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
    return _track_items(video_page, counts, served_locale_code, request)


def published_tracks_many(video_pages, request=None) -> dict[int, list[dict]]:
    """``published_tracks`` for many pages at once, keyed by page id, with each page's own
    locale as the default track: one query (plus the view restrictions) for the whole list."""
    if not video_pages:
        return {}
    model = type(video_pages[0])
    counts = _cue_counts(model, {page.translation_key for page in video_pages}, request)
    return {
        page.pk: _track_items(
            page, counts.get(page.translation_key, {}), page.locale.language_code, request
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
    counts: dict = {}
    for key, tracks in tracks_by_key.items():
        source = tracks.get(sources[key])
        for code, (count, timings) in tracks.items():
            if count:
                outdated = source is not None and code != sources[key] and timings != source[1]
                counts.setdefault(key, {})[code] = (count, outdated)
    return counts


def _track_items(video_page, counts: dict, served_locale_code: str, request) -> list[dict]:
    items = []
    for language in languages.all_languages():
        if language.code not in counts:
            continue
        src = track_url(video_page, language.code)
        items.append(
            {
                "srclang": language.code,
                "label": language.native_name,
                "kind": "subtitles",
                "dir": language.dir,
                "src": absolute(src) if request is not None else src,
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
    if video_page.video_file:
        url = absolute(video_file_url(video_page))
    else:
        url = video_page.video_url or None
    code = video_page.locale.language_code
    return {
        "video": {
            "url": url,
            "mime_type": video_page.video_mime_type,
            "duration_seconds": (
                float(video_page.duration_seconds)
                if video_page.duration_seconds is not None
                else None
            ),
            "poster": _poster(video_page, request),
        },
        "transcript_url": (
            absolute(transcript_url(video_page, code)) if _has_cues(video_page) else None
        ),
    }


def _has_cues(video_page) -> bool:
    """From the ``cue_total`` annotation (``with_cue_totals``) when the cues were not loaded."""
    total = getattr(video_page, "cue_total", None)
    return bool(total if total is not None else video_page.cue_count)


def video_file_url(video_page) -> str:
    ext = video_page.video_file.name.rpartition(".")[2].lower()
    return reverse("partner_api:video_file", kwargs={"page_id": video_page.pk, "ext": ext})


def _poster(video_page, request) -> dict | None:
    image = video_page.poster
    if image is None:
        return None
    rendition = rendition_or_none(image, POSTER_RENDITION)
    if rendition is None:
        return None  # cannot be made now (storage down or full): no poster, not a 500
    return {
        "url": absolute(rendition.url),
        "width": rendition.width,
        "height": rendition.height,
        "alt": video_page.poster_alt or getattr(image, "description", "") or "",
    }
