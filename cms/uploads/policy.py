"""What may be uploaded for each purpose: allowed extensions, the content type each must sniff as,
and the size limit.

The size limit is ``settings.PROTECT_UPLOAD_MAX_BYTES``; ``PROTECT_UPLOAD_MAX_BYTES_BY_PURPOSE``
overrides it per purpose (videos are larger than leaflets).
"""

from enum import StrEnum

from django.conf import settings


class Purpose(StrEnum):
    MATERIAL = "material"
    SUBTITLE = "subtitle"
    IMAGE = "image"
    VIDEO = "video"
    # Wagtail's document library holds material PDFs and subtitle files.
    DOCUMENT = "document"


# extension -> the content type the file's bytes must sniff as (and the one that gets stored).
_MATERIAL = {"pdf": "application/pdf"}
_SUBTITLE = {"vtt": "text/vtt", "srt": "application/x-subrip"}
ALLOWED = {
    Purpose.MATERIAL: _MATERIAL,
    Purpose.SUBTITLE: _SUBTITLE,
    Purpose.IMAGE: {
        "jpg": "image/jpeg",
        "jpeg": "image/jpeg",
        "png": "image/png",
        "gif": "image/gif",
        "webp": "image/webp",
    },
    Purpose.VIDEO: {"mp4": "video/mp4", "webm": "video/webm"},
    Purpose.DOCUMENT: _MATERIAL | _SUBTITLE,
}

LABELS = {
    Purpose.MATERIAL: "materials",
    Purpose.SUBTITLE: "subtitles",
    Purpose.IMAGE: "images",
    Purpose.VIDEO: "videos",
    Purpose.DOCUMENT: "documents",
}


def allowed_extensions(purpose: Purpose) -> list[str]:
    return list(ALLOWED[Purpose(purpose)])


def max_bytes(purpose: Purpose) -> int:
    overrides = getattr(settings, "PROTECT_UPLOAD_MAX_BYTES_BY_PURPOSE", {}) or {}
    return int(overrides.get(str(purpose), settings.PROTECT_UPLOAD_MAX_BYTES))
