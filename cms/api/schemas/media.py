"""Images, documents and page links as they appear inside content."""

from ninja import Schema
from pydantic import Field

# The fixed set of renditions every image carries (name → Wagtail filter spec).
RENDITIONS = {
    "thumbnail": "fill-320x180",
    "small": "max-480x480",
    "medium": "max-960x960",
    "large": "max-1600x1600",
}


class RenditionOut(Schema):
    url: str
    width: int
    height: int


class RenditionSet(Schema):
    thumbnail: RenditionOut = Field(description="Cropped to 320×180.")
    small: RenditionOut = Field(description="Fits in 480×480.")
    medium: RenditionOut = Field(description="Fits in 960×960.")
    large: RenditionOut = Field(description="Fits in 1600×1600.")


class ImageOut(Schema):
    url: str = Field(description="The original file.")
    width: int
    height: int
    alt: str
    renditions: RenditionSet


class DocumentOut(Schema):
    title: str
    url: str
    size_bytes: int | None
    mime_type: str


class PageLinkOut(Schema):
    id: int
    title: str
    url: str | None
