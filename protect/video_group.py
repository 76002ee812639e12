"""A video's translation group in one prepared query: every live, public member with what its
detail answer needs (title, URL path, video fields, track file's count and timings), without
a page object (``cms/api/endpoints/videos.py``; the tracks are built by ``protect/tracks.py``).
Visibility is ``cms.visibility.visible_sql``, the SQL form of ``public_pages``.
"""

from datetime import datetime
from decimal import Decimal
from typing import NamedTuple

from django.db import connection
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from cms import prepared
from cms.visibility import visible_sql


class Member(NamedTuple):
    """A live, public page of a video's translation group, as ``translation_group`` reads it:
    what its detail answer needs, without a page object."""

    id: int
    code: str
    cue_count: int
    timings: str | None  # track_files.timings_fingerprint; None without a track file
    title: str
    url_path: str
    translation_key: object
    content_type_id: int
    last_published_at: datetime | None
    description: str
    video_file: str  # the stored name, "" without an upload
    video_url: str
    duration_seconds: Decimal | None
    poster_id: int | None
    poster_alt: str


# Every visible member of the translation group of the visible video page %s, with its track
# file's count and fingerprint, its video fields and the group's source locale (its first
# translation source, the last column).
_GROUP_SQL = f"""
SELECT t.id, l.language_code, COALESCE(f.cue_count, 0), f.timings, t.title, t.url_path,
  t.translation_key, t.content_type_id, t.last_published_at, tv.description, tv.video_file,
  tv.video_url, tv.duration_seconds, tv.poster_id, tv.poster_alt,
  (SELECT sl.language_code FROM wagtail_localize_translationsource s
   JOIN wagtailcore_locale sl ON sl.id = s.locale_id
   WHERE s.object_id = p.translation_key ORDER BY s.created_at, s.id LIMIT 1)
FROM wagtailcore_page p
JOIN protect_videopage pv ON pv.page_ptr_id = p.id
JOIN wagtailcore_page t ON t.translation_key = p.translation_key
JOIN protect_videopage tv ON tv.page_ptr_id = t.id
JOIN wagtailcore_locale l ON l.id = t.locale_id
LEFT JOIN protect_trackfile f ON f.page_id = t.id
WHERE p.id = %s AND {visible_sql("p")} AND {visible_sql("t")}
"""


def translation_group(video_id: int) -> tuple[list[Member], str | None]:
    """(members, source locale code) of the video whose page ``video_id`` is live and public,
    in one prepared query and no page object; ``([], None)`` when it is not."""
    rows = prepared.fetch_all(_GROUP_SQL, (video_id,))
    members = [
        Member(*row[:8], _aware(row[8]), *row[9:12], _decimal(row[12]), *row[13:15]) for row in rows
    ]
    return members, (rows[0][15] if rows else None)


def _aware(value) -> datetime | None:
    """A raw column's datetime as the ORM gives it (SQLite answers naive or text, in UTC)."""
    if isinstance(value, str):
        value = parse_datetime(value)
    if value is not None and timezone.is_naive(value):
        value = timezone.make_aware(value, connection.timezone)
    return value


def _decimal(value) -> Decimal | None:
    """A raw DecimalField column as the ORM gives it (SQLite may answer a float)."""
    return value if value is None or isinstance(value, Decimal) else Decimal(str(value))
