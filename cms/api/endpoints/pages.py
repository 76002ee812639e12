import re
from typing import Annotated
from urllib.parse import urlparse

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from ninja import Query, Router

from cms.fallback import first_available, page_of_picks, pick_in_sql
from cms.visibility import public_pages

from .. import pagetypes, site_paths
from .. import search as text_search
from ..errors import ApiError
from ..page_listing import requested_locale_page
from ..params import (
    FallbackParam,
    IdPath,
    Limit,
    LocaleChain,
    LocaleParam,
    Offset,
    locale_chain,
)
from ..schemas.common import ERRORS, PageList
from ..schemas.pages import PageDetail
from ..serializers.pages import ROW_FIELDS, page_detail, row_item, specific, translations_for

router = Router(tags=["Pages"])

TypeParam = Annotated[
    str | None,
    Query(None, max_length=100, description="Page type, e.g. protect.AwarenessPage."),
]
SearchParam = Annotated[
    str | None, Query(None, max_length=200, description="Words to search for in the content.")
]


def _page_type(value: str | None):
    if not value:
        return None
    models = pagetypes.page_models()
    found = {label.lower(): model for label, model in models.items()}.get(value.lower())
    if found is None:
        raise ApiError(
            400,
            "unknown_type",
            f"type: unknown page type {value!r}. Allowed: {', '.join(sorted(models))}.",
        )
    return found


def search_words(text: str) -> str:
    """The words of ``text`` only: quotes, operators and brackets are search syntax to the
    database's full-text engine (an unbalanced quote is an SQLite syntax error), never meant."""
    return " ".join(re.findall(r"\w+", text))


@router.get("/pages/", response={200: PageList, **ERRORS}, operation_id="list_pages")
def list_pages(
    request,
    locale: LocaleParam = None,
    fallback: FallbackParam = None,
    type: TypeParam = None,
    search: SearchParam = None,
    limit: Limit = 20,
    offset: Offset = 0,
):
    """Live, public pages in `locale` (and, with `fallback`, the rest in the first fallback
    locale that has them), one item per translation group. Ordered by locale in chain order,
    then tree order."""
    chain = locale_chain(request, locale, fallback)
    model = _page_type(type)
    words = search_words(search or "")
    if not words:
        if search and search.strip():
            return _page_list(request, chain, [], 0, {})  # punctuation only: nothing can match
        return _listing(request, chain, model, offset, limit)
    # Searched within the chain's locales: exact counts, best match first per locale.
    queryset = text_search.matching(_of_type(public_pages(request=request), model), words)
    # Picking, ordering, counting and slicing all happen in SQL (LIMIT/OFFSET); a search
    # counts in the same query as its page of rows where it can (its filter is the cost).
    rows, count = page_of_picks(
        queryset, chain.codes, ["-_score", "path"], ROW_FIELDS, offset, limit, costly_filter=True
    )
    translations = translations_for(request, [row["translation_key"] for row in rows])
    return _page_list(request, chain, rows, count, translations)


def _of_type(queryset, model):
    if model is None:
        return queryset
    return queryset.filter(content_type=ContentType.objects.get_for_model(model))


def _listing(request, chain: LocaleChain, model, offset: int, limit: int) -> dict:
    """The listing without search, in tree order: one prepared query while the requested
    locale fills the page (``page_listing``), the chain's picks for a page beyond it."""
    type_id = None if model is None else ContentType.objects.get_for_model(model).pk
    rows, count, translations = requested_locale_page(request, chain.codes, type_id, offset, limit)
    if len(rows) < limit and len(chain.codes) > 1:
        queryset = _of_type(public_pages(request=request), model)
        chosen = pick_in_sql(queryset, chain.codes, ["path"], locale_first=True)
        rows = list(chosen.values(*ROW_FIELDS)[offset : offset + limit])
        translations = translations_for(request, [row["translation_key"] for row in rows])
    return _page_list(request, chain, rows, count, translations)


def _page_list(request, chain: LocaleChain, rows, count: int, translations: dict) -> dict:
    return {
        "count": count,
        "items": [row_item(request, row, chain, translations) for row in rows],
    }


def _serve(request, page_filter: Q, chain: LocaleChain, what: str):
    key = (
        public_pages(request=request)
        .filter(page_filter)
        .values_list("translation_key", flat=True)
        .first()
    )
    if key is None:
        raise ApiError(404, "not_found", f"No live, public page {what}.")
    group = {
        page.locale.language_code: page
        for page in public_pages(request=request)
        .filter(translation_key=key)
        .select_related("locale")
    }
    chosen = first_available(group, chain.codes)
    if chosen is None:
        tried = ", ".join(chain.codes)
        raise ApiError(
            404,
            "translation_not_found",
            f"Page {what} has no live translation in {tried}. "
            f"Available: {', '.join(sorted(group))}. Add fallback=<code> to accept another language.",
        )
    translations = translations_for(request, [key])
    return page_detail(request, specific(chosen), chain, translations)


@router.get(
    "/pages/by-path/", response={200: PageDetail, **ERRORS}, operation_id="get_page_by_path"
)
def get_page_by_path(
    request,
    path: Annotated[str, Query(..., max_length=2000, description='Site path, e.g. "/ar/about/".')],
    locale: LocaleParam = None,
    fallback: FallbackParam = None,
):
    """The page at a public site path (with its language prefix). Without `locale`, the
    language of the path is served."""
    try:
        parsed = urlparse(path).path or "/"
    except ValueError as error:
        raise ApiError(400, "invalid_parameter", f"path: not a URL or path ({error}).") from error
    page_filter, path_code = site_paths.page_filter(parsed)
    chain = locale_chain(request, locale or path_code, fallback)
    if page_filter is None:
        raise ApiError(404, "not_found", f"No site serves {parsed!r}.")
    return _serve(request, page_filter, chain, f"at {parsed!r}")


@router.get("/pages/{int:page_id}/", response={200: PageDetail, **ERRORS}, operation_id="get_page")
def get_page(request, page_id: IdPath, locale: LocaleParam = None, fallback: FallbackParam = None):
    """A page in `locale`: `page_id` may be the id of any of its translations."""
    chain = locale_chain(request, locale, fallback)
    return _serve(request, Q(pk=page_id), chain, str(page_id))
