"""Writing systems and text direction of subtitle text, from the Unicode database."""

import unicodedata
from collections import Counter
from functools import cache

# ISO 15924 codes of the language table, and the word Unicode character names start with.
_NAME_PREFIX = {
    "Latn": "LATIN",
    "Arab": "ARABIC",
    "Cyrl": "CYRILLIC",
    "Grek": "GREEK",
    "Ethi": "ETHIOPIC",
    "Hebr": "HEBREW",
}
_ISOLATE_START = frozenset("\u2066\u2067\u2068")
_ISOLATE_END = "\u2069"


def name_prefix(iso_code: str) -> str:
    """The word that starts the Unicode names of the script's letters ("Arab" → "ARABIC")."""
    return _NAME_PREFIX.get(iso_code, iso_code.upper())


def letter_scripts(text: str) -> Counter[str]:
    """How many letters of the text each script has, keyed by Unicode name prefix."""
    counts: Counter[str] = Counter()
    # Counting distinct characters first (in C) leaves a few hundred for Python to look at.
    for char, count in Counter(text).items():
        if char.isalpha():
            counts[_script_of(char)] += count
    return counts


def first_strong_direction(text: str) -> str | None:
    """The direction of the first strong character, "ltr" or "rtl" (rule P2 of the bidi
    algorithm, which skips isolated runs); None for text without one, like "2024 !"."""
    depth = 0
    for char in text:
        if char in _ISOLATE_START:
            depth += 1
        elif char == _ISOLATE_END:
            depth = max(depth - 1, 0)
        elif depth == 0:
            kind = unicodedata.bidirectional(char)
            if kind == "L":
                return "ltr"
            if kind in ("R", "AL"):
                return "rtl"
    return None


@cache
def _script_of(letter: str) -> str:
    return unicodedata.name(letter, "UNKNOWN").split(" ", 1)[0]
