from ninja import Schema

from .. import pagetypes
from ..schemas.blocks import body_union
from .common import PageListItem

BodyBlock = body_union(pagetypes.all_stream_blocks())


class SeoOut(Schema):
    title: str
    description: str


class PageDetail(PageListItem):
    intro: str
    seo: SeoOut
    body: list[BodyBlock]
