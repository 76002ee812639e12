"""Finding memory matches for many segments at once, in a bounded number of queries.

``matches(texts, source_locale_id, target_locale_id)`` returns, per text, up to LIMIT matches,
best first: exact ones (score 100, same normalised text, one indexed hash query for all texts)
then fuzzy ones (≥ THRESHOLD %, see ``text`` for the measure). Fuzzy candidates are the
entries sharing a band key with the text (``text.band_keys``) whose trigram count allows the
threshold; PostgreSQL scores them with pg_trgm's ``similarity()`` in the same query, elsewhere
they are scored in Python. Query count does not grow with the number of texts or the size of
the memory."""

import math
from dataclasses import dataclass

from django.db import connection

from . import text
from .models import MemoryBand, MemoryEntry

THRESHOLD = 75
LIMIT = 3


@dataclass
class Match:
    entry: MemoryEntry
    score: int  # 0–100

    @property
    def exact(self) -> bool:
        return self.score == 100


def matches(texts, source_locale_id, target_locale_id, *, fuzzy=True) -> list[list[Match]]:
    norms = [text.normalise(t) for t in texts]
    hashes = [text.digest(n) for n in norms]
    found: list[list[Match]] = [[] for _ in texts]
    by_hash = {}
    for entry in _entries().filter(
        source_locale_id=source_locale_id,
        target_locale_id=target_locale_id,
        source_hash__in=set(hashes),
    ):
        by_hash.setdefault(entry.source_hash, []).append(entry)
    for i, digest in enumerate(hashes):
        found[i] = [Match(entry, 100) for entry in by_hash.get(digest, [])[:LIMIT]]
    wanted = [i for i, n in enumerate(norms) if n and len(found[i]) < LIMIT] if fuzzy else []
    if wanted:
        search = _pg_trgm if has_pg_trgm() else _banded
        scored = search([norms[i] for i in wanted], source_locale_id, target_locale_id)
        ids = {entry_id for row in scored for entry_id, _ in row}
        entries = _entries().in_bulk(ids) if ids else {}
        for i, row in zip(wanted, scored, strict=True):
            have = {match.entry.pk for match in found[i]}
            for entry_id, score in row:
                if entry_id not in have and entry_id in entries and len(found[i]) < LIMIT:
                    found[i].append(Match(entries[entry_id], min(score, 99)))
    return found


def _entries():
    return MemoryEntry.objects.select_related("user", "origin_type").order_by("-updated_at")


def has_pg_trgm() -> bool:
    """Whether this database offers pg_trgm (asked once per connection)."""
    if connection.vendor != "postgresql":
        return False
    cached = getattr(connection, "_memory_pg_trgm", None)
    if cached is None:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
            cached = cursor.fetchone() is not None
        connection._memory_pg_trgm = cached
    return cached


def _bounds(size: int) -> tuple[int, int]:
    """Trigram counts an entry can have and still reach THRESHOLD against a text of ``size``
    (Jaccard ≥ t needs t·|A| ≤ |B| ≤ |A|/t), widened by one for rounding."""
    floor = THRESHOLD / 100
    return math.floor(floor * size) - 1, math.ceil(size / floor) + 1


_BAND, _ENTRY = MemoryBand._meta.db_table, MemoryEntry._meta.db_table
# One query for all texts: the entries sharing a band key with a text and of a possible size,
# scored by pg_trgm's similarity(), the best LIMIT × 2 per text. (pg_trgm's own indexes cannot
# serve this: in running text every trigram is common, so a GIN or GiST scan with ``%`` reads
# most of the memory for each segment: 0.3–0.5 s each at 100,000 entries.)
PG_QUERY = f"""
WITH q AS (
    SELECT * FROM unnest(%s::text[], %s::int[], %s::int[]) WITH ORDINALITY AS q(txt, lo, hi, i)
), c AS (
    SELECT DISTINCT k.i, b.entry_id
    FROM unnest(%s::int[], %s::bigint[]) AS k(i, key)
    JOIN {_BAND} b ON b.key = k.key
), scored AS (
    SELECT c.i, e.id, e.updated_at, similarity(e.source_norm, q.txt) AS score
    FROM c JOIN q ON q.i = c.i JOIN {_ENTRY} e ON e.id = c.entry_id
    WHERE e.source_locale_id = %s AND e.target_locale_id = %s
      AND e.trigrams BETWEEN q.lo AND q.hi
)
SELECT i, id, score FROM (
    SELECT scored.*, row_number() OVER (
        PARTITION BY i ORDER BY score DESC, updated_at DESC, id
    ) AS rank
    FROM scored WHERE score >= %s
) ranked
WHERE rank <= {LIMIT * 2}
ORDER BY i, rank
"""


def _pg_trgm(norms, source_locale_id, target_locale_id) -> list[list[tuple[int, int]]]:
    texts, lows, highs, positions, keys = [], [], [], [], []
    for i, norm in enumerate(norms, 1):
        grams = text.trigrams(norm)
        low, high = _bounds(len(grams))
        texts.append(norm)
        lows.append(low)
        highs.append(high)
        for key in text.band_keys(grams, target_locale_id):
            positions.append(i)
            keys.append(key)
    rows = [[] for _ in norms]
    with connection.cursor() as cursor:
        cursor.execute(
            PG_QUERY,
            [texts, lows, highs, positions, keys, source_locale_id, target_locale_id]
            + [THRESHOLD / 100],
        )
        for i, entry_id, score in cursor.fetchall():
            rows[i - 1].append((entry_id, round(score * 100)))
    return rows


def _banded(norms, source_locale_id, target_locale_id) -> list[list[tuple[int, int]]]:
    grams = [text.trigrams(n) for n in norms]
    keys = [set(text.band_keys(g, target_locale_id)) for g in grams]
    all_keys = set().union(*keys)
    candidates = {}
    if all_keys:
        rows = MemoryBand.objects.filter(
            key__in=all_keys,
            entry__source_locale_id=source_locale_id,
            entry__target_locale_id=target_locale_id,
        ).values_list("key", "entry_id", "entry__trigrams", "entry__source_norm")
        for key, entry_id, size, norm in rows:
            candidates.setdefault(key, []).append((entry_id, size, norm))
    cache = {}
    floor = THRESHOLD / 100
    rows = []
    for own_keys, own_grams in zip(keys, grams, strict=True):
        scored, own = {}, len(own_grams)
        for key in own_keys:
            for entry_id, size, norm in candidates.get(key, ()):
                # Jaccard ≥ t needs the smaller set to be ≥ t × the larger: skip the rest unscored.
                if entry_id in scored or min(size, own) < floor * max(size, own):
                    continue
                if norm not in cache:
                    cache[norm] = text.trigrams(norm)
                scored[entry_id] = round(100 * text.similarity(own_grams, cache[norm]))
        best = sorted(((s, -e) for e, s in scored.items() if s >= THRESHOLD), reverse=True)
        rows.append([(-e, s) for s, e in best[: LIMIT * 2]])
    return rows
