"""oEmbed 1.0 (https://oembed.com/): paste a PROTECT page or video URL into a CMS that supports
oEmbed (WordPress, Drupal, many site builders) and it embeds itself.

Videos (their page URL or ``/embed/videos/<id>/?locale=…``) answer ``type: video`` with the
player's ``<iframe>`` (``protect/embedding.py``); other pages answer ``type: rich`` with a
script-free card linking to the page. Only visible pages (``cms.visibility``) are embeddable:
anything else is the same 404 as an unknown URL, so hidden pages are not confirmed to exist.
Rendered pages carry the discovery ``<link rel="alternate" type="application/json+oembed">``.
"""

import re
from typing import Annotated, Literal
from urllib.parse import parse_qs, urlsplit

from django.utils.html import format_html
from ninja import Query, Router, Schema
from pydantic import Field

from cms import languages
from cms.addresses import absolute_url, public_base_url
from cms.uploads import rendition_or_none
from cms.visibility import public_pages
from protect import embedding
from protect.models import VideoPage

from .. import site_paths
from ..errors import ApiError
from ..schemas.common import ERRORS
from ..serializers.pages import specific

router = Router(tags=["oEmbed"])

EMBED_PATH = re.compile(r"^/embed/videos/(?P<id>\d+)/?$")
Size = Annotated[int | None, Query(None, ge=16, le=4096, description="Largest width/height (px).")]


class OEmbedOut(Schema):
    version: Literal["1.0"] = "1.0"
    type: Literal["video", "rich"]
    title: str
    provider_name: str = "PROTECT"
    provider_url: str
    html: str = Field(description="Paste as is: an <iframe> (video) or a link card (rich).")
    width: int
    height: int
    thumbnail_url: str | None = None
    thumbnail_width: int | None = None
    thumbnail_height: int | None = None


def _not_found(url: str):
    return ApiError(404, "not_found", f"{url!r} is not a public PROTECT page or video.")


def _target(request, url: str):
    """(the visible page, the locale code to show) for a URL of this site."""
    try:
        parts = urlsplit(url)
    except ValueError:
        parts = urlsplit("")
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ApiError(400, "invalid_parameter", "url must be an absolute http(s) URL.")
    hosts = {urlsplit(public_base_url(request)).netloc, request.get_host()}
    if parts.netloc not in hosts:
        raise _not_found(url)
    visible = public_pages(request=request)
    embed = EMBED_PATH.match(parts.path)
    if embed:
        page = visible.filter(pk=int(embed["id"])).select_related("locale").first()
        code = (parse_qs(parts.query).get("locale") or [""])[0]
        if page is None or (code and languages.get(code) is None):
            raise _not_found(url)
        return specific(page), code or page.locale.language_code
    page_filter, _ = site_paths.page_filter(parts.path)
    page = None if page_filter is None else visible.filter(page_filter).first()
    if page is None:
        raise _not_found(url)
    return specific(page), page.locale.language_code


@router.get(
    "/oembed/",
    response={200: OEmbedOut, 501: ERRORS[400], **ERRORS},
    operation_id="oembed",
    url_name="oembed",
)
def oembed(
    request,
    url: Annotated[str, Query(..., max_length=2000, description="A page or video URL.")],
    maxwidth: Size = None,
    maxheight: Size = None,
    format: Annotated[str, Query("json", max_length=20, description="Only json.")] = "json",
):
    """The oEmbed answer for a page or video URL of this site."""
    if format != "json":
        raise ApiError(501, "unsupported_format", "Only format=json is available.")
    page, code = _target(request, url)
    base = public_base_url(request)
    if isinstance(page, VideoPage):
        width, height = embedding.size(maxwidth, maxheight)
        answer = {
            "type": "video",
            "html": embedding.iframe_html(page, request, code, maxwidth, maxheight),
        }
        # No thumbnail (an optional oEmbed field) when the rendition cannot be made.
        rendition = page.poster_id and rendition_or_none(page.poster, "max-640x360|format-jpeg")
        if rendition:
            answer.update(
                thumbnail_url=absolute_url(request, rendition.url),
                thumbnail_width=rendition.width,
                thumbnail_height=rendition.height,
            )
    else:
        width, height = embedding.size(maxwidth, maxheight)
        height = min(height, 160)
        language = languages.get(page.locale.language_code) or languages.default()
        answer = {
            "type": "rich",
            "html": format_html(
                '<blockquote class="protect-embed" lang="{}" dir="{}"><p><a href="{}">{}</a>'
                "</p><p>{}</p></blockquote>",
                language.code,
                language.dir,
                absolute_url(request, page.get_url(request)),
                page.title,
                getattr(page, "intro", "") or getattr(page, "search_description", ""),
            ),
        }
    return {
        **answer,
        "title": page.title,
        "provider_url": base + "/",
        "width": width,
        "height": height,
    }
