"""Unicode bidirectional controls in supplied text: balanced, or refused.

An embedding or isolate left open (or a stray closer) reorders the text that follows it when a
partner renders it, and an override reverses it outright: an RLO before a helpline number shows
its digits backwards ("Trojan Source"). Right-to-left languages need isolates and marks, so:

* overrides (LRO U+202D, RLO U+202E) are refused;
* embeddings (LRE U+202A, RLE U+202B, closed by PDF U+202C) and isolates (LRI U+2066,
  RLI U+2067, FSI U+2068, closed by PDI U+2069) must be balanced on each line: every opener
  closed by its own closer, innermost first, and no closer without an opener;
* marks (LRM U+200E, RLM U+200F, ALM U+061C) are always allowed.

Used by the subtitle engine (errors with the file's line), the translation write path and QA,
and the partner API's query parameters.
"""

import html
import re
import unicodedata
from dataclasses import dataclass

OVERRIDES = frozenset("\u202d\u202e")
PDF, PDI = "\u202c", "\u2069"
# Opener: its closer.
OPENERS = {
    "\u202a": PDF,
    "\u202b": PDF,
    "\u2066": PDI,
    "\u2067": PDI,
    "\u2068": PDI,
}
CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
# "&#x202E;" or "&#8238;" becomes the character itself wherever HTML or WebVTT is shown.
_NUMERIC_REFERENCE = re.compile(r"&#(?:[0-9]+|[xX][0-9a-fA-F]+);")


@dataclass(frozen=True, slots=True)
class BidiProblem:
    line: int  # 1-based, within the text checked
    column: int  # 1-based
    message: str

    def __str__(self) -> str:
        return self.message


def describe(char: str) -> str:
    """``U+202E RIGHT-TO-LEFT OVERRIDE``."""
    return f"U+{ord(char):04X} {unicodedata.name(char, 'UNKNOWN')}"


def problems(text: str) -> list[BidiProblem]:
    """Every unbalanced or refused bidi control in ``text``, line by line, numeric character
    references read as the characters they stand for; [] when it is safe."""
    if "&#" not in text and not CONTROLS.search(text):
        return []
    found: list[BidiProblem] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if "&#" in line:  # per line, so that "&#10;" does not shift the line numbers
            line = _NUMERIC_REFERENCE.sub(lambda match: html.unescape(match.group()), line)
        found += line_problems(line, number)
    return found


def line_problems(line: str, number: int = 1) -> list[BidiProblem]:
    found: list[BidiProblem] = []
    open_: list[tuple[str, int]] = []

    def problem(column: int, message: str) -> None:
        found.append(BidiProblem(number, column, message))

    for match in CONTROLS.finditer(line):
        char, column = match.group(), match.start() + 1
        if char in OVERRIDES:
            problem(
                column,
                f"{describe(char)} in column {column} is not allowed: it reverses the text "
                "around it; use an isolate (U+2066…U+2069) or a mark (U+200E, U+200F)",
            )
            open_.append((char, column))  # refused already; its PDF is no stray
        elif char in OPENERS:
            open_.append((char, column))
        elif not open_:
            problem(column, f"{describe(char)} in column {column} closes nothing")
        elif _closer(open_[-1][0]) != char:
            opener = open_[-1][0]
            problem(
                column,
                f"{describe(char)} in column {column} cannot close {describe(opener)} "
                f"(column {open_[-1][1]}), which needs {describe(_closer(opener))}",
            )
        else:
            open_.pop()
    for char, column in open_:
        if char in OVERRIDES:
            continue
        problem(
            column,
            f"{describe(char)} in column {column} is never closed on its line "
            f"(add {describe(OPENERS[char])})",
        )
    return found


def _closer(opener: str) -> str:
    return OPENERS.get(opener, PDF)


def summary(text: str) -> str | None:
    """One sentence for the first problem in ``text`` (and how many more), or None."""
    found = problems(text)
    if not found:
        return None
    first = found[0]
    where = f"line {first.line}: " if "\n" in text else ""
    more = f" (and {len(found) - 1} more)" if len(found) > 1 else ""
    return f"Bidirectional control characters: {where}{first.message}{more}."
