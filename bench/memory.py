"""Benchmark: memory matches for a 200-segment task against 100,000 entries in under 300 ms,
in a fixed number of queries.

Run from the checkout: ``.venv/bin/python bench/memory.py`` (SQLite, ``var/bench_memory.sqlite3``,
the band-key look-up) or with ``DATABASE_URL=postgres://…/NAME`` (database ``NAME_memory``,
created when missing, pg_trgm). The 100,000 entries are built once and reused by later runs
(same seed, so the same texts). Baselines from the same run: one plain indexed query (the
exact-hash look-up alone: the floor for anything that asks the database about 200 texts) and a
naive scan (Python trigram similarity of one segment against every entry, × 200).
"""

import os
import random
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Run as a script, so the checkout is not on sys.path yet.
sys.path.insert(0, str(ROOT))


def _database() -> None:
    """A database of its own that outlives the run, so the memory is built only once."""
    url = os.environ.get("DATABASE_URL")
    if url:
        base, _, name = url.rpartition("/")
        host = base.split("@")[-1].split(":")[0] or "127.0.0.1"
        subprocess.run(
            ["createdb", "-h", host, "-U", "postgres", f"{name}_memory"], capture_output=True
        )
        os.environ["DATABASE_URL"] = f"{base}/{name}_memory"
    else:
        (ROOT / "var").mkdir(exist_ok=True)
        os.environ["DATABASE_URL"] = f"sqlite:///{ROOT / 'var' / 'bench_memory.sqlite3'}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "cms.settings.test"


_database()

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from wagtail.models import Locale  # noqa: E402

from cms.translation.memory import lookup, text  # noqa: E402
from cms.translation.memory.models import MemoryEntry  # noqa: E402
from cms.translation.memory.record import add_bands  # noqa: E402

WORDS: list[str] = []
WEIGHTS: list[float] = []
ENTRIES = int(os.environ.get("BENCH_MEMORY_ENTRIES", "100000"))
SEGMENTS = 200
TARGET_SECONDS = 0.3
RUNS = 5
COMMON = (
    "you are not alone help is available call the number ask for protection at the centre "
    "every person has rights your safety matters we can listen and support you today migrants "
    "victims violence police doctor shelter lawyer free confidential language interpreter"
).split()
SYLLABLES = "ka lo mi ne su ta ri po de an el or us im ba fe gu hi jo ve wy zo".split()


def vocabulary(rng, size=5000) -> list[str]:
    """The common words plus a long tail of invented ones, as real running text has."""
    tail = {"".join(rng.choices(SYLLABLES, k=rng.randint(2, 4))) for _ in range(size)}
    return COMMON + sorted(tail)


def sentence(rng) -> str:
    # Zipf-like: word of rank r drawn with weight 1 / (r + 5).
    return " ".join(rng.choices(WORDS, WEIGHTS, k=rng.randint(6, 18))).capitalize() + "."


def variant(rng, text) -> str:
    words = text.rstrip(".").split()
    words[rng.randrange(len(words))] = rng.choice(COMMON)
    return " ".join(words) + "."


def best_of(runs, function) -> float:
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - started)
    return best


def texts():
    """The memory's sources and the task's segments (the same on every run: fixed seed)."""
    rng = random.Random(14)
    WORDS[:] = vocabulary(rng)
    WEIGHTS[:] = [1 / (rank + 5) for rank in range(len(WORDS))]
    unique = set()
    while len(unique) < ENTRIES:
        unique.add(sentence(rng))
    sources = sorted(unique)
    # The task: 50 exact repeats, 50 near variants (one word changed), 100 new sentences.
    segments = rng.sample(sources, 50)
    segments += [variant(rng, s) for s in rng.sample(sources, 50)]
    segments += [sentence(rng) for _ in range(SEGMENTS - 100)]
    return sources, segments


def fill(sources, en, fr) -> None:
    for start in range(0, len(sources), 5000):
        batch = []
        for source in sources[start : start + 5000]:
            norm = text.normalise(source)
            batch.append(
                MemoryEntry(
                    source_locale=en,
                    target_locale=fr,
                    source_text=source,
                    source_norm=norm,
                    source_hash=text.digest(norm),
                    target_text=f"FR {source}",
                    target_hash=text.digest(f"FR {source}"),
                    words=text.words(norm),
                    trigrams=len(text.trigrams(norm)),
                )
            )
        MemoryEntry.objects.bulk_create(batch, batch_size=1000)
        add_bands(batch)


def memory(sources, en, fr) -> tuple[str, float]:
    """Reuse the entries a previous run built, else (re)build them."""
    entries = MemoryEntry.objects.filter(source_locale=en, target_locale=fr)
    if entries.count() == len(sources) and set(
        entries.order_by("?").values_list("source_text", flat=True)[:50]
    ) <= set(sources):
        return "reused", 0.0
    started = time.perf_counter()
    entries.delete()
    fill(sources, en, fr)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return "built", time.perf_counter() - started


def main() -> int:
    call_command("migrate", verbosity=0, interactive=False)
    en, _ = Locale.objects.get_or_create(language_code="en")
    fr, _ = Locale.objects.get_or_create(language_code="fr")
    sources, segments = texts()
    how, built = memory(sources, en, fr)
    search = "pg_trgm" if lookup.has_pg_trgm() else "band keys"

    def run():
        return lookup.matches(segments, en.pk, fr.pk)

    run()  # warm: the first call also asks whether pg_trgm is there, caches pages
    with CaptureQueriesContext(connection) as queries:
        found = run()
    ours = best_of(RUNS, run)
    exact = sum(bool(row) and row[0].exact for row in found)
    fuzzy = sum(bool(row) and not row[0].exact for row in found)

    def indexed():
        return lookup.matches(segments, en.pk, fr.pk, fuzzy=False)

    floor = best_of(RUNS, indexed)
    probe = text.trigrams(text.normalise(segments[60]))
    started = time.perf_counter()
    for source in sources:
        text.similarity(probe, text.trigrams(source))
    naive = (time.perf_counter() - started) * SEGMENTS

    passed = ours < TARGET_SECONDS
    print(
        f"database:               {connection.vendor} ({search}); {ENTRIES:,} entries {how}"
        + (f" in {built:.0f} s" if built else "")
    )
    print(f"segments:               {SEGMENTS} → {exact} exact, {fuzzy} fuzzy (of 50 + 50 planted)")
    print(f"lookup.matches:         {ours * 1000:.1f} ms (best of {RUNS}), {len(queries)} queries")
    print(
        f"target {TARGET_SECONDS * 1000:.0f} ms:           ratio {ours / TARGET_SECONDS:.2f} of the target "
        f"→ {'PASS' if passed else 'FAIL'}"
    )
    print(f"exact-hash query alone: {floor * 1000:.1f} ms  → ratio {ours / floor:.1f}×")
    print(f"naive scan (estimated): {naive:.1f} s  → ratio {naive / ours:.0f}× faster")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
