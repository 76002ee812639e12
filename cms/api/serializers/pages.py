"""Listing items, translations and page details."""

from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page

from cms import languages
from cms.visibility import public_pages

from .. import pagetypes
from ..page_urls import full_url
from ..params import LocaleChain, served
from .content import ContentResolver

# The columns a listing item needs: listings read them with values(), never whole pages.
ROW_FIELDS = (
    "id",
    "title",
    "translation_key",
    "locale__language_code",
    "url_path",
    "content_type_id",
    "last_published_at",
)


def page_row(page) -> dict:
    """A loaded page as the row a listing reads with ``values(*ROW_FIELDS)``."""
    return {
        "id": page.pk,
        "title": page.title,
        "translation_key": page.translation_key,
        "locale__language_code": page.locale.language_code,
        "url_path": page.url_path,
        "content_type_id": page.content_type_id,
        "last_published_at": page.last_published_at,
    }


# The columns of a translation, in the order ``translations_from_rows`` reads them.
TRANSLATION_COLUMNS = ("translation_key", "locale__language_code", "id", "title", "url_path")


def translations_from_rows(request, rows) -> dict:
    """translation_key → [{locale, id, title, url}] in language order, from
    ``TRANSLATION_COLUMNS`` rows (in any order)."""
    by_key = defaultdict(list)
    for key, code, pk, title, url_path in rows:
        by_key[key].append((languages.sort_key(code), code, pk, title, url_path))
    return {
        key: [
            {"locale": code, "id": pk, "title": title, "url": full_url(request, url_path)}
            for _, code, pk, title, url_path in sorted(group)
        ]
        for key, group in by_key.items()
    }


def translations_for(request, keys) -> dict:
    """``translations_from_rows`` over the live, public pages of the translation groups
    ``keys``: one query of plain rows for all of them, no page objects; URLs come from
    ``url_path`` (``page_urls``)."""
    if not keys:
        return {}
    rows = (
        public_pages(request=request)
        .filter(translation_key__in=set(keys))
        .order_by()  # sorted here, by language: the tree order of Page's Meta is not needed
        .values_list(*TRANSLATION_COLUMNS)
    )
    return translations_from_rows(request, rows)


def row_item(request, row: dict, chain: LocaleChain, translations: dict) -> dict:
    """A listing item from a ``ROW_FIELDS`` row."""
    code = row["locale__language_code"]
    served(request, code)
    return {
        "id": row["id"],
        "type": pagetypes.content_type_label(row["content_type_id"]),
        "title": row["title"],
        "locale": code,
        "is_fallback": code != chain.requested,
        "url": full_url(request, row["url_path"]),
        "last_published_at": row["last_published_at"],
        "translations": translations.get(row["translation_key"], []),
    }


def list_item(request, page, chain: LocaleChain, translations: dict) -> dict:
    return row_item(request, page_row(page), chain, translations)


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
