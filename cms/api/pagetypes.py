"""Which page types the API serves and where each keeps its body.

``body`` in the API is the page's main StreamField. Page types whose main text is a rich-text
field (HomePage.body, ProjectPage.summary) get it as a leading ``paragraph`` block whose id is the
field name, so partners render every page the same way.
"""

from functools import cache

from django.contrib.contenttypes.models import ContentType
from wagtail import blocks
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, get_page_models

# model label → rich-text fields shown before the StreamField, in order.
LEADING_RICH_TEXT = {
    "home.HomePage": ["body"],
    "protect.ProjectPage": ["summary"],
}
# model label → the StreamField that is the body when not the first one declared (None: no
# body; a video's cues are served as subtitle tracks, not as content blocks).
BODY_STREAM = {"home.HomePage": "sections", "protect.VideoPage": None}


@cache
def page_models() -> dict[str, type]:
    return {model._meta.label: model for model in get_page_models() if model is not Page}


def label(model) -> str:
    return model._meta.label


def type_label(page) -> str:
    """The API's name of a page's type, e.g. "protect.AwarenessPage" (no query: the specific
    class comes from Wagtail's content-type cache)."""
    model = page.specific_class
    return label(model) if model else "wagtailcore.Page"


def content_type_label(content_type_id: int) -> str:
    """``type_label`` from a content type id alone (Django caches content types)."""
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    return label(model) if model else "wagtailcore.Page"


def body_stream_field(model) -> StreamField | None:
    if label(model) in BODY_STREAM and BODY_STREAM[label(model)] is None:
        return None
    name = BODY_STREAM.get(label(model))
    streams = [f for f in model._meta.get_fields() if isinstance(f, StreamField)]
    if name:
        return next(f for f in streams if f.name == name)
    named_body = [f for f in streams if f.name == "body"]
    return (named_body or streams or [None])[0]


def leading_rich_text(model) -> list[str]:
    names = LEADING_RICH_TEXT.get(label(model), [])
    return [name for name in names if isinstance(model._meta.get_field(name), RichTextField)]


def all_stream_blocks() -> list:
    streams = [blocks.StreamBlock([("paragraph", blocks.RichTextBlock())])]
    for model in page_models().values():
        field = body_stream_field(model)
        if field is not None:
            streams.append(field.stream_block)
    return streams
