"""Locale-fallback picking: which translation of an object to serve for a chain of locales.

A request asks for locale ``codes[0]`` and, optionally, accepts the others in order. For each
translation group (objects sharing a ``translation_key``) the first locale of the chain that
has a row wins. Pages, videos, materials, countries and services all pick this way.
"""

from typing import NamedTuple

from django.db.models import Case, Count, F, IntegerField, Value, When, Window
from django.db.models.functions import RowNumber


class Pick(NamedTuple):
    pk: int
    key: object  # the translation key of the group
    code: str  # the locale served
    rank: int  # its position in the chain: 0 is the requested locale
    sort: tuple  # the caller's sort keys


def pick(rows, codes, *, locale_first: bool = False) -> list[Pick]:
    """One row per translation group: the first locale of ``codes`` that has one.

    ``rows`` are ``(pk, translation_key, language_code, *sort_keys)``; rows in locales outside
    ``codes`` are ignored. The picks come sorted by the sort keys, then pk — or, with
    ``locale_first``, by the served locale's place in the chain first.
    """
    rank = {code: index for index, code in enumerate(codes)}
    best: dict = {}
    for pk, key, code, *sort in rows:
        if code not in rank:
            continue
        if key not in best or rank[code] < best[key].rank:
            best[key] = Pick(pk, key, code, rank[code], tuple(sort))
    if locale_first:
        return sorted(best.values(), key=lambda p: (p.rank, p.sort, p.pk, p.code))
    return sorted(best.values(), key=lambda p: (p.sort, p.pk, p.code))


def first_available(by_code: dict, codes):
    """The value of the first locale of ``codes`` that ``by_code`` has, else None."""
    return next((by_code[code] for code in codes if code in by_code), None)


def rank_of(codes, field: str = "locale__language_code") -> Case:
    """SQL: a row's place in the chain (0 for the requested locale)."""
    whens = [When(**{field: code}, then=Value(index)) for index, code in enumerate(codes)]
    return Case(*whens, default=Value(len(codes)), output_field=IntegerField())


def pick_in_sql(queryset, codes, order_by=(), *, locale_first: bool = False):
    """``pick`` done by the database: one row per translation group, ordered, ready to slice
    (LIMIT/OFFSET) and ``count()``. Orders like ``pick``: by the served locale's place first with
    ``locale_first``, then ``order_by``, then pk.

    With one locale no window is needed (a translation group has one row per locale); with a
    fallback chain a ROW_NUMBER() window over each group keeps its best-ranked row.
    """
    codes = list(codes)
    queryset = queryset.filter(locale__language_code__in=codes).annotate(_rank=rank_of(codes))
    if len(codes) > 1:
        best_first = Window(
            RowNumber(),
            partition_by=[F("translation_key")],
            order_by=[F("_rank").asc(), F("pk").asc()],
        )
        queryset = queryset.annotate(_pick=best_first).filter(_pick=1)
    ordering = (["_rank"] if locale_first and len(codes) > 1 else []) + [*order_by, "pk"]
    return queryset.order_by(*ordering)


TOTAL = "_total"  # the window annotation of ``page_with_count``


def _has_window(queryset) -> bool:
    return any(
        getattr(expression, "contains_over_clause", False)
        for expression in queryset.query.annotations.values()
    )


def page_with_count(queryset, offset: int, limit: int, *, costly_filter: bool = False):
    """``(rows, count)``: the rows ``[offset:offset + limit]`` of ``queryset`` (a ``values()``
    queryset, ordered) and the exact number of rows it has.

    With ``costly_filter`` (full-text search) the page and the total come from one query, a
    ``COUNT(*) OVER ()`` annotation, instead of running the filter twice (count + slice). Only
    where ``queryset`` has no window of its own: a pick over a fallback chain filters on its
    ROW_NUMBER(), and a count over the same level would count the rows before that filter.
    Plain listings keep count + slice: there the window costs more than the count (measured
    10.5 ms against 0.6 ms on PostgreSQL, the window reads every row before the LIMIT).
    """
    if costly_filter and not _has_window(queryset):
        rows = list(queryset.annotate(**{TOTAL: Window(Count("*"))})[offset : offset + limit])
        if rows:
            count = rows[0][TOTAL]
            for row in rows:
                del row[TOTAL]
            return rows, count
        # Nothing back: past the end (the total still has to be counted) or no match at all.
        return rows, queryset.count() if offset else 0
    rows = list(queryset[offset : offset + limit])
    count = queryset.count() if offset or len(rows) == limit else len(rows)
    return rows, count


def page_of_picks(
    queryset, codes, order_by, fields, offset: int, limit: int, *, costly_filter: bool = False
):
    """``(rows, count)``: the ``values(*fields)`` rows ``[offset:offset + limit]`` of
    ``pick_in_sql(queryset, codes, order_by, locale_first=True)`` and the number of picks.

    Over a fallback chain, the requested locale's rows are all picked (a group has one row per
    locale) and come first: a page they fill is a one-locale query, in index order, without the
    ROW_NUMBER() window over every row of the chain; only a page reaching into the fallback
    locales needs the window. The count is that of the translation groups with a row in the
    chain (each gives one pick), with no window either.
    """
    codes = list(codes)
    if len(codes) == 1:
        chosen = pick_in_sql(queryset, codes, order_by).values(*fields)
        return page_with_count(chosen, offset, limit, costly_filter=costly_filter)
    rows = list(pick_in_sql(queryset, codes[:1], order_by).values(*fields)[offset : offset + limit])
    if len(rows) < limit:
        chosen = pick_in_sql(queryset, codes, order_by, locale_first=True).values(*fields)
        rows = list(chosen[offset : offset + limit])
        if not offset and len(rows) < limit:
            return rows, len(rows)
    groups = queryset.filter(locale__language_code__in=codes).order_by()
    return rows, groups.values("translation_key").distinct().count()
