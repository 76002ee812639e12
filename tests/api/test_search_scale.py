"""Search is exact at scale (issue 15.5): more hits in one locale than the old 1,000-hit cap,
counted and paged per locale, best match first, searchable right after a bulk creation."""

import pytest
from django.db import connection

from cms.bench.bulk_pages import add_live_children
from cms.search_index import index_in_bulk
from protect.models import AwarenessPage
from tests.factories import AwarenessPageFactory
from tests.support.pages import translate_page

pytestmark = pytest.mark.django_db

ARABIC_HITS = 1_050  # more than the cap the old search applied across all languages
ENGLISH_HITS = 1_100


def _pages(prefix: str, count: int, *, title_hits: int) -> list[dict]:
    """``count`` pages mentioning "protect": the first ``title_hits`` in the title."""
    return [
        {
            "title": f"Protect {prefix} {n}" if n < title_hits else f"{prefix} page {n}",
            "slug": f"{prefix}-{n}",
            "intro": "",
            "body": [{"type": "paragraph", "value": "<p>We protect people.</p>"}],
        }
        for n in range(count)
    ]


@pytest.fixture
def many_hits(home_page, locales):
    arabic_home = translate_page(home_page, locales["ar"], title="الرئيسية")
    ar = add_live_children(arabic_home, AwarenessPage, _pages("ar", ARABIC_HITS, title_hits=5))
    en = add_live_children(home_page, AwarenessPage, _pages("en", ENGLISH_HITS, title_hits=0))
    index_in_bulk(AwarenessPage, ar + en)  # no task per page: searchable now
    return {"ar": ar, "en": en}


def test_counts_are_exact_per_locale_beyond_the_old_cap(api_client, many_hits):
    arabic = api_client.api("/pages/", locale="ar", search="protect", limit=100).json_body
    assert arabic["count"] == ARABIC_HITS
    assert {item["locale"] for item in arabic["items"]} == {"ar"}
    english = api_client.api("/pages/", locale="en", search="protect").json_body
    assert english["count"] == ENGLISH_HITS + 1  # and the home page, "PROTECT"
    both = api_client.api("/pages/", locale="ar", fallback="en", search="protect").json_body
    assert both["count"] == ARABIC_HITS + ENGLISH_HITS + 1


def test_deep_pages_of_results_are_served(api_client, many_hits):
    last = api_client.api(
        "/pages/", locale="ar", search="protect", limit=100, offset=ARABIC_HITS - 50
    ).json_body
    assert last["count"] == ARABIC_HITS and len(last["items"]) == 50
    ids = {item["id"] for item in last["items"]}
    assert ids <= set(many_hits["ar"])


def test_title_matches_rank_first_on_postgresql(api_client, many_hits):
    if connection.vendor != "postgresql":
        pytest.skip("ranking needs PostgreSQL text search (SQLite returns tree order)")
    items = api_client.api("/pages/", locale="ar", search="protect", limit=5).json_body["items"]
    assert all(item["title"].startswith("Protect ar") for item in items)


def test_an_offset_past_the_end_still_reports_the_exact_count(api_client, many_hits):
    """The page and the count come from one query; with no row back there is nothing to read
    the count from, and it is counted on its own."""
    past = api_client.api("/pages/", locale="ar", search="protect", offset=ARABIC_HITS + 10)
    assert past.status_code == 200
    assert past.json_body == {"count": ARABIC_HITS, "items": []}
    at_the_end = api_client.api("/pages/", locale="ar", search="protect", offset=ARABIC_HITS)
    assert at_the_end.json_body == {"count": ARABIC_HITS, "items": []}
    last_one = api_client.api("/pages/", locale="ar", search="protect", offset=ARABIC_HITS - 1)
    assert last_one.json_body["count"] == ARABIC_HITS and len(last_one.json_body["items"]) == 1


def test_a_search_without_hits_counts_none(api_client, many_hits):
    body = api_client.api("/pages/", locale="ar", search="zzzunfindable").json_body
    assert body == {"count": 0, "items": []}


def test_a_fallback_search_counts_translation_groups(api_client, home_page, locales):
    """With a fallback chain one item stands for a translation group: the count is of groups,
    not of the matching rows of every locale (the one-query count is not used there)."""
    for number in range(3):
        page = AwarenessPageFactory(parent=home_page, title=f"Shelter {number}")
        translate_page(page, locales["ar"], title=f"Shelter ar {number}")
    body = api_client.api("/pages/", locale="ar", fallback="en", search="shelter", limit=2)
    assert body.json_body["count"] == 3
    assert {item["locale"] for item in body.json_body["items"]} == {"ar"}
    assert api_client.api("/pages/", locale="ar", search="shelter").json_body["count"] == 3
