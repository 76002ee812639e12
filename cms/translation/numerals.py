"""Numbers written in other scripts, as ASCII digits, so QA compares ``۲۴/۷`` with ``24/7``.

Decimal digits of any script (Arabic-Indic U+0660–0669, Extended Arabic-Indic/Persian
U+06F0–06F9, Devanagari, Bengali…) map one to one. Ethiopic numerals (U+1369–137C) are additive
like Roman numerals (፳፬ = 20 + 4), so each run is read as a whole number.
"""

import re
import unicodedata


class _Decimals(dict):
    """A ``str.translate`` table: any Unicode decimal digit → its ASCII digit, filled lazily."""

    def __missing__(self, code: int) -> str:
        digit = unicodedata.decimal(chr(code), None)
        self[code] = chr(code) if digit is None else str(digit)
        return self[code]


_DECIMALS = _Decimals()
_ETHIOPIC = {chr(0x1369 + i): i + 1 for i in range(9)}  # ፩–፱: 1–9
_ETHIOPIC |= {chr(0x1372 + i): (i + 1) * 10 for i in range(9)}  # ፲–፺: 10–90
_ETHIOPIC |= {"\u137b": 100, "\u137c": 10_000}  # ፻, ፼
_ETHIOPIC_RUN = re.compile("[\u1369-\u137c]+")


def ethiopic_value(run: str) -> int:
    """፳፬ → 24, ፪፻፶ → 250, ፼ → 10000."""
    total = group = part = 0  # above 10,000; hundreds below it; below 100
    for char in run:
        value = _ETHIOPIC[char]
        if value < 100:
            part += value
        elif value == 100:
            group += (part or 1) * 100
            part = 0
        else:
            total = (total + group + part or 1) * 10_000
            group = part = 0
    return total + group + part


def ascii_digits(text: str) -> str:
    if text.isascii():
        return text
    text = text.translate(_DECIMALS)
    return _ETHIOPIC_RUN.sub(lambda match: str(ethiopic_value(match.group())), text)
