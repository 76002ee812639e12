"""The pages listing without search, as one prepared raw query (``cms.prepared``): the page of
rows in the requested locale, the translations of those rows and the count, in one round trip
and without building and compiling ORM querysets per request (they cost more than the SQL).

It serves what the requested locale fills: the whole listing of one locale, and a page of a
fallback listing that holds no fallback row (those rows come first, ``cms.fallback.page_of_picks``).
Anything else (a page reaching into the fallback locales, search) is ``page_of_picks``' work.
Visibility is ``visible_sql``, held to ``public_pages`` by tests/protect/test_visibility_sql.py.
"""

from functools import cache

from django.db import connection
from wagtail.models import Page

from cms import prepared
from cms.visibility import visible_sql

from .serializers.pages import translations_from_rows

_PAGE, _TRANSLATION, _COUNT = 0, 1, 2  # the kinds of row the query answers

_IN_LOCALE = "wagtailcore_locale l ON l.id = p.locale_id"
_NULLS = ", ".join(["NULL"] * 7)  # the count row's other columns


@cache
def _sql(vendor: str, fallbacks: int, typed: bool) -> str:
    """Parameters: the requested code, [the content type], limit, offset, [with fallbacks: the
    chain's codes, [the content type]]. Rows ``(kind, id, title, translation_key, language_code, url_path,
    content_type_id, last_published_at, path)``: the page, then translations, then the count
    (as ``id``)."""
    of_type = " AND p.content_type_id = %s" if typed else ""

    def among(subquery: str) -> str:
        # PostgreSQL plans ``IN (SELECT …)`` as a hash join over every page; an array of the
        # few values is looked up in an index instead (the page's 20 translation keys: 2 ms
        # instead of 7; a chain's two locales: 0.6 ms instead of 5).
        return f"= ANY(ARRAY({subquery}))" if vendor == "postgresql" else f"IN ({subquery})"

    codes = ", ".join(["%s"] * (1 + fallbacks))
    in_chain = among(f"SELECT id FROM wagtailcore_locale WHERE language_code IN ({codes})")
    if fallbacks:  # the groups with a row in the chain
        counted = f"""COUNT(DISTINCT p.translation_key), {_NULLS}
FROM wagtailcore_page p WHERE p.locale_id {in_chain} AND {visible_sql("p")}{of_type}"""
    else:  # one row per group
        counted = f"COUNT(*), {_NULLS} FROM in_locale"
    # The locale's rows are read whole (its index), then sorted: walking the tree's path index
    # instead, which PostgreSQL would choose, passes every row of the locales before this one
    # (the 23rd locale's first page: 8 ms instead of 5) and sorts a deep offset anyway.
    materialized = "MATERIALIZED" if vendor == "postgresql" else ""
    return f"""
WITH in_locale AS {materialized} (
  SELECT p.id, p.path FROM wagtailcore_page p JOIN {_IN_LOCALE}
  WHERE l.language_code = %s AND {visible_sql("p")}{of_type}
),
chosen AS (
  SELECT p.id, p.title, p.translation_key, p.url_path, p.content_type_id, p.last_published_at,
    p.path
  FROM (SELECT id FROM in_locale ORDER BY path, id LIMIT %s OFFSET %s) k
  JOIN wagtailcore_page p ON p.id = k.id
)
SELECT {_PAGE}, c.id, c.title, c.translation_key, NULL, c.url_path, c.content_type_id,
  c.last_published_at, c.path
FROM chosen c
UNION ALL
SELECT {_TRANSLATION}, p.id, p.title, p.translation_key, l.language_code, p.url_path, NULL,
  NULL, NULL
FROM wagtailcore_page p JOIN {_IN_LOCALE}
WHERE p.translation_key {among("SELECT translation_key FROM chosen")} AND {visible_sql("p")}
UNION ALL
SELECT {_COUNT}, {counted}
ORDER BY 1, 9, 2
"""


@cache
def _converters(vendor: str, field: str) -> tuple:
    """What the ORM applies to a column of ``field`` as it reads it (SQLite answers text for
    dates and keys; PostgreSQL needs nothing)."""
    column = Page._meta.get_field(field).get_col("p")
    return tuple(connection.ops.get_db_converters(column) + column.get_db_converters(connection))


def _read(field: str, value):
    for converter in _converters(connection.vendor, field):
        value = converter(value, None, connection)
    return value


def requested_locale_page(request, codes, content_type_id, offset: int, limit: int):
    """``(rows, count, translations)``: the ``ROW_FIELDS`` rows ``[offset:offset + limit]`` of
    the requested locale ``codes[0]`` (of one content type unless None), the number of picks
    over the chain ``codes`` (as ``page_of_picks`` counts) and ``translations_for`` the rows.
    With fallbacks, fewer than ``limit`` rows mean the page reaches into the fallback
    locales: then only the count holds for it."""
    code, fallbacks = codes[0], list(codes[1:])
    typed = content_type_id is not None
    sql = _sql(connection.vendor, len(fallbacks), typed)
    of_type = [content_type_id] if typed else []
    params = [code, *of_type, limit, offset]
    if fallbacks:
        params += [code, *fallbacks, *of_type]
    rows, translation_rows, count = [], [], 0
    key_of = _read if _converters(connection.vendor, "translation_key") else lambda _, key: key
    for kind, pk, title, key, language, url_path, type_id, published, _ in prepared.fetch_all(
        sql, params
    ):
        if kind == _PAGE:
            rows.append(
                {
                    "id": pk,
                    "title": title,
                    "translation_key": key_of("translation_key", key),
                    "locale__language_code": code,
                    "url_path": url_path,
                    "content_type_id": type_id,
                    "last_published_at": _read("last_published_at", published),
                }
            )
        elif kind == _TRANSLATION:
            translation_rows.append((key_of("translation_key", key), language, pk, title, url_path))
        else:
            count = pk
    return rows, count, translations_from_rows(request, translation_rows)
