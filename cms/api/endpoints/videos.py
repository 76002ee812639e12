"""Videos with their subtitle tracks (protect/tracks.py owns the track and video payloads)."""

from datetime import datetime
from typing import Literal

from ninja import Router, Schema
from pydantic import BaseModel, Field

from cms import languages
from cms.fallback import first_available, pick_in_sql
from cms.visibility import public_pages
from protect import tracks, video_group
from protect.models import VideoPage

from ..errors import ApiError
from ..page_urls import full_url
from ..params import (
    FallbackParam,
    IdPath,
    Limit,
    LocaleChain,
    LocaleParam,
    Offset,
    locale_chain,
)
from ..schemas.common import ERRORS, PageListItem, TranslationOut
from ..serializers.pages import list_item, row_item, translations_for

router = Router(tags=["Videos"])


class PosterOut(Schema):
    url: str
    width: int
    height: int
    alt: str


class VideoFileOut(Schema):
    url: str | None
    mime_type: str | None
    duration_seconds: float | None
    poster: PosterOut | None


class TrackOut(BaseModel):  # a plain model: ninja's Schema resolves every field, per track
    srclang: str
    label: str = Field(description="The language's name in that language.")
    kind: Literal["subtitles", "captions"]
    dir: Literal["ltr", "rtl"]
    src: str = Field(description="WebVTT file (CORS-enabled), ready for <track src>.")
    default: bool = Field(description="True only for the track of the served locale.")
    cue_count: int
    outdated: bool = Field(
        description="The source's cues changed (added, removed or re-timed) since this "
        "translation was published; false again once the translation is updated."
    )


class VideoListItem(PageListItem):
    description: str
    video: VideoFileOut
    tracks: list[TrackOut]
    transcript_url: str | None


class VideoList(Schema):
    count: int
    items: list[VideoListItem]


class VideoDetail(Schema):
    id: int
    type: str
    title: str
    locale: str
    is_fallback: bool
    url: str | None
    last_published_at: datetime | None
    description: str
    video: VideoFileOut
    tracks: list[TrackOut]
    transcript_url: str | None
    translations: list[TranslationOut]


def _videos():
    """Video pages without their cues (300 per language; tracks are counted in SQL)."""
    return tracks.with_cue_totals(
        VideoPage.objects.select_related("locale", "poster")
        .prefetch_related("poster__renditions")
        .defer("cues")
    )


def _video_item(request, page, chain: LocaleChain, translations, page_tracks) -> dict:
    item = list_item(request, page, chain, translations)
    item.update(tracks.video_payload(page, request))
    item.update(description=page.description, tracks=page_tracks)
    return item


@router.get("/videos/", response={200: VideoList, **ERRORS}, operation_id="list_videos")
def list_videos(
    request,
    locale: LocaleParam = None,
    fallback: FallbackParam = None,
    limit: Limit = 20,
    offset: Offset = 0,
):
    """Live, public video pages with their video file and every published subtitle track."""
    chain = locale_chain(request, locale, fallback)
    chosen = pick_in_sql(
        public_pages(VideoPage.objects.all(), request), chain.codes, ["path"], locale_first=True
    )
    ids = list(chosen.values_list("pk", flat=True)[offset : offset + limit])
    count = chosen.count() if offset or len(ids) == limit else len(ids)
    pages = _videos().in_bulk(ids)
    ordered = [pages[pk] for pk in ids]
    translations = translations_for(request, [page.translation_key for page in ordered])
    track_map = tracks.published_tracks_many(ordered, request)
    return {
        "count": count,
        "items": [
            _video_item(request, page, chain, translations, track_map[page.pk]) for page in ordered
        ],
    }


@router.get(
    "/videos/{int:video_id}/", response={200: VideoDetail, **ERRORS}, operation_id="get_video"
)
def get_video(
    request, video_id: IdPath, locale: LocaleParam = None, fallback: FallbackParam = None
):
    """One video in `locale` (`video_id` may be the id of any of its translations); `tracks`
    lists every published subtitle language, whatever the locale served."""
    chain = locale_chain(request, locale, fallback)
    members, source_code = video_group.translation_group(video_id)
    if not members:
        raise ApiError(404, "not_found", f"No live, public video {video_id}.")
    chosen = first_available({m.code: m for m in members}, chain.codes)
    if chosen is None:
        raise ApiError(
            404,
            "translation_not_found",
            f"Video {video_id} has no live translation in {', '.join(chain.codes)}. "
            f"Available: {', '.join(sorted(m.code for m in members))}. "
            "Add fallback=<code> to accept another language.",
        )
    # Everything comes from the group's one query: no page object is loaded.
    row = {
        "id": chosen.id,
        "title": chosen.title,
        "translation_key": chosen.translation_key,
        "locale__language_code": chosen.code,
        "url_path": chosen.url_path,
        "content_type_id": chosen.content_type_id,
        "last_published_at": chosen.last_published_at,
    }
    item = row_item(request, row, chain, {chosen.translation_key: _translations(request, members)})
    item.update(tracks.member_video_payload(chosen))
    item.update(
        description=chosen.description,
        tracks=tracks.group_tracks(chosen.id, members, source_code, chosen.code, request),
    )
    return item


def _translations(request, members) -> list[dict]:
    """``translations_for``'s list, from the group's rows."""
    ordered = sorted(members, key=lambda m: (languages.sort_key(m.code), m.code, m.id))
    return [
        {"locale": m.code, "id": m.id, "title": m.title, "url": full_url(request, m.url_path)}
        for m in ordered
    ]
