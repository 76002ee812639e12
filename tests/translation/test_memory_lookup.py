"""Issue 14.1 and 14.5: exact and fuzzy matches for many segments in a bounded number of
queries, whatever the size of the memory."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.translation.memory import lookup, text
from tests.factories import MemoryEntryFactory

HELP = "If you are in danger, call the police on 112."


@pytest.fixture
def fr(locales):
    return locales["fr"]


def entry(fr, source, target, **kwargs):
    return MemoryEntryFactory(source_text=source, target_text=target, target_locale=fr, **kwargs)


def test_exact_match_ignores_spacing_and_markup(fr, locales):
    kept = entry(fr, HELP, "Si vous êtes en danger, appelez la police au 112.")
    [[match]] = lookup.matches(
        ["  If you are in <b>danger</b>,\ncall the police on 112. "], locales["en"].pk, fr.pk
    )
    assert match.exact and match.score == 100 and match.entry == kept


def test_fuzzy_match_scores_trigram_similarity(fr, locales):
    kept = entry(fr, HELP, "Si vous êtes en danger, appelez la police au 112.")
    entry(fr, "Materials for social workers in Greece", "Matériel pour travailleurs sociaux")
    query = "If you are in danger, call the police at 112."
    [[match]] = lookup.matches([query], locales["en"].pk, fr.pk)
    expected = text.similarity(text.trigrams(query), text.trigrams(HELP))
    assert 0.75 <= expected < 1
    assert match.entry == kept and not match.exact
    assert match.score == round(100 * expected)


def test_nothing_below_the_threshold_or_in_another_locale(fr, locales):
    entry(fr, "Call the police", "Appelez la police")
    MemoryEntryFactory(
        source_text=HELP, target_text="Si está en peligro", target_locale=locales["es"]
    )
    [found] = lookup.matches([HELP], locales["en"].pk, fr.pk)
    assert found == []


def test_exact_matches_come_first_newest_first(fr, locales):
    entry(fr, HELP + "!", "Fuzzy")
    old = entry(fr, HELP, "Ancienne")
    new = entry(fr, HELP, "Nouvelle")
    old.updated_at = old.updated_at.replace(year=2020)
    old.save()
    [matches] = lookup.matches([HELP], locales["en"].pk, fr.pk)
    assert [m.entry.target_text for m in matches] == [new.target_text, "Ancienne", "Fuzzy"]
    assert [m.exact for m in matches] == [True, True, False]


def test_similarity_is_pg_trgm_jaccard():
    assert text.trigrams("Cat") == {"  c", " ca", "cat", "at "}
    assert text.similarity(text.trigrams("cat"), text.trigrams("cats")) == pytest.approx(3 / 6)
    assert text.similarity(set(), set()) == 1.0


def _segments(n):
    return [f"Segment {i}: {HELP} Variant {i % 7}." for i in range(n)]


@pytest.mark.parametrize("size", [10, 200])
def test_query_count_does_not_grow_with_memory_or_segments(
    fr, locales, size, django_assert_max_num_queries
):
    for i in range(size):
        entry(fr, f"Segment {i}: {HELP} Variant {i % 7}.", f"Segment {i} FR")
    segments = _segments(200)
    # exact hashes, (PostgreSQL, once per connection: pg_trgm present?), candidates, entries
    with django_assert_max_num_queries(4):
        found = lookup.matches(segments, locales["en"].pk, fr.pk)
    assert sum(bool(row) and row[0].exact for row in found) == size
    assert all(row for row in found)  # the rest are near variants: fuzzy matches


def test_same_query_count_at_ten_and_four_hundred_entries(fr, locales):
    segments = _segments(200)
    counts, exact = [], []
    for size in (10, 400):
        for i in range(len(counts) and 10, size):
            entry(fr, f"Segment {i}: {HELP} Variant {i % 7}.", f"Segment {i} FR")
        lookup.has_pg_trgm()  # asked once per connection: not part of the look-up's cost
        with CaptureQueriesContext(connection) as queries:
            found = lookup.matches(segments, locales["en"].pk, fr.pk)
        counts.append(len(queries))
        exact.append(sum(bool(row) and row[0].exact for row in found))
    assert exact == [10, 200]
    assert counts[0] == counts[1] <= 3
