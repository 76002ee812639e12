"""How texts are compared.

Exact match: the same *normalised* text (``normalise``: Unicode NFC, inline markup removed,
runs of white space made one space, trimmed; case is kept because a capital can change the
meaning or the grammar of the translation).

Fuzzy match: trigram similarity, the measure of PostgreSQL's pg_trgm: each text is lower-cased
and cut into words (letters and digits); each word, padded with two spaces before and one
after, gives its set of three-character sequences; similarity = shared trigrams / all distinct
trigrams of both texts (Jaccard), 0–1, shown as a percentage. PostgreSQL computes it with
pg_trgm's ``similarity()``; elsewhere ``similarity`` below computes the same thing in Python.

Where pg_trgm is missing, candidates are found by locality-sensitive hashing: ``band_keys``
turns a trigram set into BANDS keys (one-permutation min-hash, ROWS bins per band); two texts
of similarity s share at least one key with probability 1 − (1 − s^ROWS)^BANDS (≈ 93 % at
75 %, ≈ 99.7 % at 85 %, 0.01 % for unrelated sentences at 10 %): a few borderline fuzzy
matches can be missed there, never an exact one. Candidates are then scored exactly, so no
match below the threshold is ever offered.
"""

import hashlib
import re
import unicodedata
import zlib

from django.utils.html import strip_tags

WORD = re.compile(r"[^\W_]+")
SPACE = re.compile(r"\s+")
ROWS, BANDS = 5, 10
BINS = ROWS * BANDS
_MASK = (1 << 64) - 1
_MIX = 0x9E3779B97F4A7C15


def normalise(text: str) -> str:
    plain = strip_tags(text) if "<" in text else text
    return SPACE.sub(" ", unicodedata.normalize("NFC", plain)).strip()


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def words(text: str) -> int:
    return len(WORD.findall(normalise(text)))


def trigrams(norm: str) -> set[str]:
    found = set()
    for word in WORD.findall(norm.lower()):
        padded = f"  {word} "
        found.update(padded[i : i + 3] for i in range(len(padded) - 2))
    return found


def similarity(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 1.0 if a == b else 0.0
    shared = len(a & b)
    return shared / (len(a) + len(b) - shared)


def band_keys(grams: set[str], locale_id: int) -> list[int]:
    """BANDS signed 63-bit keys of ``grams`` for texts into ``locale_id`` (empty: none)."""
    if not grams:
        return []
    mins = [None] * BINS
    for gram in grams:
        value = (zlib.crc32(gram.encode("utf-8")) * _MIX) & _MASK
        slot, rest = value % BINS, value // BINS
        if mins[slot] is None or rest < mins[slot]:
            mins[slot] = rest
    filled = [i for i in range(BINS) if mins[i] is not None]
    for i in range(BINS):  # densify: an empty bin borrows the next filled one, rotated
        if mins[i] is None:
            j = next((f for f in filled if f > i), filled[0])
            mins[i] = (mins[j] + (j - i) % BINS * 0x1F3D5B79) & _MASK
    keys = []
    for band in range(BANDS):
        row = mins[band * ROWS : (band + 1) * ROWS]
        raw = f"{locale_id}:{band}:{row}".encode()
        keys.append(int.from_bytes(hashlib.blake2b(raw, digest_size=8).digest(), "big") >> 1)
    return keys
