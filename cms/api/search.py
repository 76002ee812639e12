"""Full-text search of pages for the partner API: filtered by locale *inside* the search, exact
counts, no cap, ranked.

PostgreSQL: pages are matched against the search backend's own index (modelsearch ``IndexEntry``,
one row per indexed object with ``title`` and ``body`` tsvectors, each with a GIN index). The
backend's query, ``(title || body) @@ query``, cannot use those indexes; here every word must
match ``title @@ word OR body @@ word``, which is the same set of pages and which PostgreSQL
answers from both GIN indexes (bitmap OR). Ranking is the backend's: ``ts_rank`` of the title
(boosted by ``title_norm``) plus that of the body. The text-search configuration is the backend's
``SEARCH_CONFIG`` (settings: ``simple``, the same rules for all 23 languages, no stemming).

Other databases (SQLite in development): the backend's own search over the already
locale-filtered pages, uncapped, in tree order (no ranking).
"""

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import F, FloatField, Q, Value
from wagtail.models import Page
from wagtail.search.backends import get_search_backend


def _config():
    return getattr(get_search_backend(), "config", None)  # None: PostgreSQL's default


def matching(queryset, words: str):
    """``queryset`` (pages) narrowed to those matching every word, annotated with ``_score``
    (higher is better)."""
    terms = words.split()
    if connection.vendor != "postgresql":
        # The backend only filters on declared fields, so it searches every live page; the
        # locale and visibility filters of ``queryset`` then narrow the (uncapped) hits.
        hits = get_search_backend().search(words, Page.objects.live(), operator="and")
        return queryset.filter(pk__in=[page.pk for page in hits]).annotate(
            _score=Value(0.0, output_field=FloatField())
        )
    config = _config()
    # A page's entry is its specific model's (modelsearch indexes the specific instance):
    # naming the content type makes the entry one index probe per page instead of one per
    # page model (the relation's IN list), a third of a broad search's time at 23k pages.
    every_word = Q(index_entries__content_type_id=F("content_type_id"))
    for term in terms:
        query = SearchQuery(term, search_type="plain", config=config)
        every_word &= Q(index_entries__title=query) | Q(index_entries__body=query)
    whole = SearchQuery(words, search_type="plain", config=config)
    score = SearchRank(F("index_entries__title"), whole) * F(
        "index_entries__title_norm"
    ) + SearchRank(F("index_entries__body"), whole)
    return queryset.filter(every_word).annotate(_score=score)
