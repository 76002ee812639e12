"""Demo translations of the English source texts (see phrases.json)."""

import json
import re
from functools import cache
from pathlib import Path

# Text that must read the same in every language: phone numbers, codes, URLs.
_UNTRANSLATABLE = re.compile(r"^[\s\d+()./:-]*$|^https?://\S+$")


@cache
def _data() -> dict:
    return json.loads(Path(__file__).with_name("phrases.json").read_text(encoding="utf-8"))


def label(code: str) -> str:
    """'Demo translation' in the language itself."""
    return _data()["label"][code]


def translate(text: str, code: str) -> str:
    """The demo translation of an English source text into ``code``.

    Known phrases get their translation; numbers and URLs stay as they are; every other text
    becomes the language's key sentence, labelled as a demo translation.
    """
    if _UNTRANSLATABLE.match(text):
        return text
    entry = _data()["phrases"].get(text)
    if entry == "keep":
        return text
    if entry == "generic":
        return _data()["generic"][code]
    if isinstance(entry, dict) and code in entry:
        return entry[code]
    return f"{label(code)}: {_data()['generic'][code]}"
