"""Listing items, translations and page details."""

from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page

from cms import languages
from cms.visibility import public_pages

from .. import pagetypes
from ..params import LocaleChain, served
from .content import ContentResolver


def translations_for(request, keys) -> dict:
    """translation_key → [{locale, id, title, url}] over live, public pages, in language order."""
    by_key = defaultdict(list)
    pages = (
        public_pages(request=request).filter(translation_key__in=set(keys)).select_related("locale")
    )
    for page in pages:
        by_key[page.translation_key].append(page)
    return {
        key: [
            {
                "locale": page.locale.language_code,
                "id": page.pk,
                "title": page.title,
                "url": page.get_full_url(request),
            }
            for page in sorted(group, key=lambda p: languages.sort_key(p.locale.language_code))
        ]
        for key, group in by_key.items()
    }


def list_item(request, page, chain: LocaleChain, translations: dict) -> dict:
    code = page.locale.language_code
    served(request, code)
    return {
        "id": page.pk,
        "type": pagetypes.type_label(page),
        "title": page.title,
        "locale": code,
        "is_fallback": code != chain.requested,
        "url": page.get_full_url(request),
        "last_published_at": page.last_published_at,
        "translations": translations.get(page.translation_key, []),
    }


def page_detail(request, page, chain: LocaleChain, translations: dict) -> dict:
    item = list_item(request, page, chain, translations)
    model = type(page)
    stream_field = pagetypes.body_stream_field(model)
    raw_stream = list(getattr(page, stream_field.name).raw_data) if stream_field else []
    leading = [(name, getattr(page, name) or "") for name in pagetypes.leading_rich_text(model)]

    resolver = ContentResolver(request)
    for _, source in leading:
        resolver.collect_rich_text(source)
    if stream_field:
        resolver.collect_stream(stream_field.stream_block, raw_stream)
    resolver.fetch()

    body = [
        {"type": "paragraph", "id": name, "value": resolver.rich_text(source)}
        for name, source in leading
        if source
    ]
    if stream_field:
        body += resolver.render_stream(stream_field.stream_block, raw_stream)
    item.update(
        intro=getattr(page, "intro", "") or "",
        seo={"title": page.seo_title or page.title, "description": page.search_description or ""},
        body=body,
    )
    return item


def specific(page: Page):
    """The specific page in one query (the model comes from the cached content type)."""
    model = ContentType.objects.get_for_id(page.content_type_id).model_class() or Page
    return model.objects.select_related("locale").get(pk=page.pk)
