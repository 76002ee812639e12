"""Reading a video's subtitle tracks: what partners and players may see, and what editors see.

A track in language X is the video page's live, public translation into X (see
``protect/models/video.py``). Public selectors go through ``cms.api.visibility.public_pages``, the
one place that decides what anonymous visitors may see.
"""

from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from cms import languages
from cms.api.visibility import public_pages
from protect.models import SubtitleImport, VideoPage

POSTER_RENDITION = "max-1280x720|format-jpeg"


# --- public ---------------------------------------------------------------------------------
def track_url(video_page: Page, code: str) -> str:
    return reverse("protect_files:track", kwargs={"page_id": video_page.pk, "language": code})


def transcript_url(video_page: Page, code: str) -> str:
    return reverse("protect_files:transcript", kwargs={"page_id": video_page.pk, "language": code})


def published_tracks(video_page: VideoPage, served_locale_code: str, request=None) -> list[dict]:
    """The contract's track items, one per language whose translation of the video is live.

    ``video_page``: any page of the video (usually the one being served).
    ``served_locale_code``: the locale of the response; its track gets ``default: true``.
    ``request``: optional; when given, ``src`` is an absolute URL (``https://host/api/…``),
    otherwise an absolute path (``/api/partner/v1/videos/12/tracks/fr.vtt``).

    Items come in the order of ``cms/languages.json``:
    ``{srclang, label, kind: "subtitles", dir, src, default, cue_count}``; ``label`` is the
    language's native name. Languages without cues are left out. Two queries at most (view
    restrictions, once per request, and the pages). For a listing use ``published_tracks_many``.
    """
    counts = _cue_counts([video_page.translation_key], request).get(video_page.translation_key, {})
    return _track_items(video_page, counts, served_locale_code, request)


def published_tracks_many(video_pages, request=None) -> dict[int, list[dict]]:
    """``published_tracks`` for many pages at once, keyed by page id, with each page's own
    locale as the default track: one query (plus the view restrictions) for the whole list."""
    counts = _cue_counts({page.translation_key for page in video_pages}, request)
    return {
        page.pk: _track_items(
            page, counts.get(page.translation_key, {}), page.locale.language_code, request
        )
        for page in video_pages
    }


def _cue_counts(translation_keys, request) -> dict:
    counts: dict = {}
    rows = public_pages(VideoPage.objects.all(), request).filter(
        translation_key__in=list(translation_keys)
    )
    for key, code, cues in rows.values_list("translation_key", "locale__language_code", "cues"):
        if cues:
            counts.setdefault(key, {})[code] = len(cues)
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
                "src": request.build_absolute_uri(src) if request is not None else src,
                "default": language.code == served_locale_code,
                "cue_count": counts[language.code],
            }
        )
    return items


def video_payload(video_page: VideoPage, request) -> dict:
    """The contract's ``video`` object and ``transcript_url`` for ``video_page`` (already known
    to be live and public), with absolute URLs:

        {"video": {"url", "mime_type", "duration_seconds", "poster": {url, width, height, alt}
                   or None},
         "transcript_url": str or None}   # the page's own language; None without cues

    ``url`` is the CMS's own range-capable file URL for uploaded videos, or the external
    address. One query for the poster image and one or two for its rendition (made once).
    """
    if video_page.video_file:
        url = request.build_absolute_uri(video_file_url(video_page))
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
            request.build_absolute_uri(transcript_url(video_page, code))
            if video_page.cue_count
            else None
        ),
    }


def video_file_url(video_page: VideoPage) -> str:
    ext = video_page.video_file.name.rpartition(".")[2].lower()
    return reverse("protect_files:video", kwargs={"page_id": video_page.pk, "ext": ext})


def _poster(video_page: VideoPage, request) -> dict | None:
    image = video_page.poster
    if image is None:
        return None
    rendition = image.get_rendition(POSTER_RENDITION)
    return {
        "url": request.build_absolute_uri(rendition.url),
        "width": rendition.width,
        "height": rendition.height,
        "alt": video_page.poster_alt or getattr(image, "description", "") or "",
    }


# --- editors --------------------------------------------------------------------------------
@dataclass
class TrackStatus:
    """One row of the admin's 23-language table."""

    language: languages.Language
    is_source: bool
    # "published"; "draft" (the source page, not live yet); "in_translation" (a translation was
    # started or its page is not live); "missing"
    state: str
    page_id: int | None = None
    cue_count: int = 0
    # For languages in translation: cue texts translated so far, of ``source_cues``.
    translated_cues: int = 0
    source_cues: int = 0
    has_translation: bool = False
    last_import: SubtitleImport | None = None
    warnings: list[dict] = field(default_factory=list)

    @property
    def state_label(self) -> str:
        return {
            "published": "Published",
            "draft": "Draft",
            "in_translation": "In translation",
            "missing": "Missing",
        }[self.state]


def track_statuses(video_page: VideoPage) -> list[TrackStatus]:
    """Every configured language's track of this video, for editors (drafts included).

    Five queries whatever the number of languages.
    """
    from protect.subtitle_import import source_page

    key = video_page.translation_key
    source = source_page(video_page)
    pages = {
        code: (pk, live, cues)
        for pk, code, live, cues in VideoPage.objects.filter(translation_key=key).values_list(
            "pk", "locale__language_code", "live", "cues"
        )
    }
    translations = set(
        Translation.objects.filter(source__object_id=key, enabled=True).values_list(
            "target_locale__language_code", flat=True
        )
    )
    cue_segments = StringSegment.objects.filter(
        source__object_id=key, source__locale_id=source.locale_id, context__path__startswith="cues."
    )
    translated = dict(
        StringTranslation.objects.filter(has_error=False)
        .filter(
            Exists(
                cue_segments.filter(
                    context_id=OuterRef("context_id"), string_id=OuterRef("translation_of_id")
                )
            )
        )
        .values("locale__language_code")
        .annotate(n=Count("pk"))
        .values_list("locale__language_code", "n")
    )
    imports = {
        record.locale.language_code: record
        for record in SubtitleImport.objects.filter(translation_key=key).select_related("locale")
    }
    source_code = source.locale.language_code
    source_cues = len(pages.get(source_code, (None, None, []))[2] or [])
    rows = []
    for language in languages.all_languages():
        code = language.code
        pk, live, cues = pages.get(code, (None, False, None))
        if live:
            state = "published"
        elif code == source_code:
            state = "draft"
        elif pk is not None or code in translations:
            state = "in_translation"
        else:
            state = "missing"
        record = imports.get(code)
        rows.append(
            TrackStatus(
                language=language,
                is_source=code == source_code,
                state=state,
                page_id=pk,
                cue_count=len(cues or []),
                translated_cues=translated.get(code, 0),
                source_cues=source_cues,
                has_translation=code in translations,
                last_import=record,
                warnings=record.warnings if record else [],
            )
        )
    return rows
