"""PO files built on wagtail-localize's ``Translation.export_po`` (same metadata and contexts),
with notes and ``fuzzy`` for machine or unreviewed output."""

import polib

from .units import Unit
from .xliff import ExchangeError

ID_KEY = "X-WagtailLocalize-TranslationID"


def write(task, units: list[Unit], final=False) -> bytes:
    po = task.translation.export_po()
    by_context = {unit.id: unit for unit in units}
    for entry in po:
        unit = by_context.get(entry.msgctxt)
        if unit is None:
            continue
        entry.tcomment = "\n".join(f"{key}: {value}" for key, value in unit.notes.items())
        if entry.msgstr and (unit.machine or not final):
            entry.flags.append("fuzzy")
    po.metadata["Language"] = task.target_locale.language_code
    return str(po).encode("utf-8")


def read(data: bytes, name: str):
    try:
        text = data.decode("utf-8")
        if "\n" not in text or "msgid" not in text:
            # polib reads a *path* when given one; real PO content always has these.
            raise ValueError("no PO entries")
        po = polib.pofile(text)
    except (UnicodeDecodeError, OSError, ValueError) as error:
        raise ExchangeError(f"{name}: not a valid PO file ({error}).") from error
    if ID_KEY not in po.metadata:
        raise ExchangeError(f"{name}: no {ID_KEY} header; export the file from PROTECT.")
    units = [
        (entry.msgctxt or "", entry.msgid, entry.msgstr, "fuzzy" in entry.flags)
        for entry in po
        if not entry.obsolete
    ]
    return po.metadata[ID_KEY], po.metadata.get("Language", ""), units
