"""Serialising StreamField data, rich text, images, documents and page links in bulk.

Two passes over the *raw* stream data: the first collects every referenced page, document and
image (including links inside rich text), which are then fetched with one query each, only
among visible objects; the second renders. The number of queries therefore does not grow with
the number of blocks, links or images.
"""

import mimetypes
import re

import nh3
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock
from wagtail.rich_text.rewriters import extract_attrs

from cms.addresses import absolute
from cms.uploads import renditions_or_none
from cms.visibility import public_documents, public_pages

from ..schemas.media import RENDITIONS

LINK = re.compile(r"<a(\b[^>]*)>(.*?)</a>", re.DOTALL)
EMBED = re.compile(r"<embed(\b[^>]*)/>")

ALLOWED_TAGS = {
    "p",
    "br",
    "h2",
    "h3",
    "h4",
    "b",
    "strong",
    "i",
    "em",
    "ol",
    "ul",
    "li",
    "a",
    "blockquote",
}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
ALLOWED_SCHEMES = {"http", "https", "mailto", "tel"}


def sanitise(html: str) -> str:
    """Only the tags the editors' toolbar can make; no event handlers, no script/data URLs."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_SCHEMES,
        link_rel="noopener",
        strip_comments=True,
    )


def _items(raw):
    """Raw ListBlock data: new format [{"type": "item", "value": …}] or a plain list."""
    for item in raw or ():
        if isinstance(item, dict) and item.get("type") == "item" and "value" in item:
            yield item["value"]
        else:
            yield item


class ContentResolver:
    def __init__(self, request):
        self.request = request
        self.page_ids: set[int] = set()
        self.document_ids: set[int] = set()
        self.image_ids: set[int] = set()
        self.pages: dict[int, object] = {}
        self.documents: dict[int, object] = {}
        self.images: dict[int, object] = {}

    # --- pass 1: collect ------------------------------------------------------------------
    def collect_stream(self, stream_block, raw) -> None:
        for child in raw or ():
            block = stream_block.child_blocks.get(child.get("type"))
            if block is not None:
                self.collect(block, child.get("value"))

    def collect(self, block, raw) -> None:
        if raw is None:
            return
        if isinstance(block, blocks.StreamBlock):
            self.collect_stream(block, raw)
        elif isinstance(block, blocks.StructBlock):
            for name, child in block.child_blocks.items():
                self.collect(child, raw.get(name) if isinstance(raw, dict) else None)
        elif isinstance(block, blocks.ListBlock):
            for item in _items(raw):
                self.collect(block.child_block, item)
        elif isinstance(block, ImageChooserBlock):
            self.image_ids.add(_as_id(raw))
        elif isinstance(block, DocumentChooserBlock):
            self.document_ids.add(_as_id(raw))
        elif isinstance(block, blocks.PageChooserBlock):
            self.page_ids.add(_as_id(raw))
        elif isinstance(block, blocks.RichTextBlock):
            self.collect_rich_text(raw)

    def collect_rich_text(self, source: str) -> None:
        for match in LINK.finditer(source or ""):
            attrs = extract_attrs(match.group(1))
            if attrs.get("linktype") == "page":
                self.page_ids.add(_as_id(attrs.get("id")))
            elif attrs.get("linktype") == "document":
                self.document_ids.add(_as_id(attrs.get("id")))

    # --- fetch: one query per kind, visible objects only ----------------------------------
    def fetch(self) -> None:
        self.page_ids.discard(None)
        self.document_ids.discard(None)
        self.image_ids.discard(None)
        if self.page_ids:
            self.pages = {
                page.pk: page
                for page in public_pages(request=self.request)
                .filter(pk__in=self.page_ids)
                .select_related("locale")
            }
        if self.document_ids:
            self.documents = {
                doc.pk: doc for doc in public_documents().filter(pk__in=self.document_ids)
            }
        if self.image_ids:
            self.images = {
                image.pk: image
                for image in get_image_model()
                .objects.filter(pk__in=self.image_ids)
                .prefetch_renditions(*RENDITIONS.values())
            }

    # --- pass 2: render -------------------------------------------------------------------
    def render_stream(self, stream_block, raw) -> list[dict]:
        out = []
        for child in raw or ():
            name = child.get("type")
            block = stream_block.child_blocks.get(name)
            if block is None:  # a block removed from the code but still in old data
                continue
            out.append(
                {
                    "type": name,
                    "id": child.get("id") or "",
                    "value": self.render(block, child.get("value")),
                }
            )
        return out

    def render(self, block, raw):
        if isinstance(block, blocks.StreamBlock):
            return self.render_stream(block, raw)
        if isinstance(block, blocks.StructBlock):
            raw = raw if isinstance(raw, dict) else {}
            out = {}
            for name, child in block.child_blocks.items():
                if isinstance(child, ImageChooserBlock) and raw.get("alt_text"):
                    # ImageBlock's own alt text wins over the image library's default.
                    out[name] = self.image(_as_id(raw.get(name)), alt=raw["alt_text"])
                else:
                    out[name] = self.render(child, raw.get(name))
            return out
        if isinstance(block, blocks.ListBlock):
            return [self.render(block.child_block, item) for item in _items(raw)]
        if isinstance(block, ImageChooserBlock):
            return self.image(_as_id(raw))
        if isinstance(block, DocumentChooserBlock):
            return self.document(self.documents.get(_as_id(raw)))
        if isinstance(block, blocks.PageChooserBlock):
            return self.page_link(self.pages.get(_as_id(raw)))
        if isinstance(block, blocks.RichTextBlock):
            return self.rich_text(raw or "")
        if raw is None or raw == "":
            return (
                block.get_default()
                if isinstance(block, blocks.ChoiceBlock) and raw is None
                else raw
            )
        return (
            block.to_python(raw)
            if isinstance(
                block,
                (blocks.DateBlock, blocks.TimeBlock, blocks.DateTimeBlock, blocks.DecimalBlock),
            )
            else raw
        )

    def rich_text(self, source: str) -> str:
        def link(match):
            attrs = extract_attrs(match.group(1))
            inner = match.group(2)
            linktype = attrs.get("linktype")
            if linktype == "page":
                page = self.pages.get(_as_id(attrs.get("id")))
                url = page.get_full_url(self.request) if page else None
            elif linktype == "document":
                doc = self.documents.get(_as_id(attrs.get("id")))
                url = absolute(doc.url) if doc else None
            elif linktype is None:
                url = attrs.get("href")
            else:
                url = None
            if not url:
                return inner  # a link to something not public is plain text
            return f'<a href="{_escape_attr(url)}">{inner}</a>'

        html = LINK.sub(link, source)
        html = EMBED.sub("", html)  # embedded images/media are not part of the text contract
        return sanitise(html)

    def page_link(self, page):
        if page is None:
            return None
        return {"id": page.pk, "title": page.title, "url": page.get_full_url(self.request)}

    def document(self, doc):
        if doc is None:
            return None
        return {
            "title": doc.title,
            "url": absolute(doc.url),
            "size_bytes": doc.file_size,
            "mime_type": mimetypes.guess_type(doc.filename)[0] or "application/octet-stream",
        }

    def image(self, image_id, alt: str | None = None):
        image = self.images.get(image_id)
        if image is None:
            return None
        renditions = renditions_or_none(image, *RENDITIONS.values())
        if renditions is None:
            return None  # as for a missing image: the renditions cannot be made right now
        return {
            "url": absolute(image.file.url),
            "width": image.width,
            "height": image.height,
            "alt": alt if alt is not None else (image.default_alt_text or ""),
            "renditions": {
                name: {
                    "url": absolute(renditions[spec].url),
                    "width": renditions[spec].width,
                    "height": renditions[spec].height,
                }
                for name, spec in RENDITIONS.items()
            },
        }


def _as_id(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _escape_attr(value: str) -> str:
    return value.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
