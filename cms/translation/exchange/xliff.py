"""XLIFF 2.0 (OASIS) writer and reader. Text is carried as escaped content, inline tags included."""

import xml.etree.ElementTree as ET

from .units import Unit

NS = "urn:oasis:names:tc:xliff:document:2.0"
FINAL = "final"


class ExchangeError(ValueError):
    pass


def write(task, units: list[Unit], final=False) -> bytes:
    ET.register_namespace("", NS)
    root = ET.Element(
        f"{{{NS}}}xliff",
        {
            "version": "2.0",
            "srcLang": task.source_locale.language_code,
            "trgLang": task.target_locale.language_code,
        },
    )
    file = ET.SubElement(
        root, f"{{{NS}}}file", {"id": f"t{task.translation.uuid}", "original": task.title}
    )
    for unit in units:
        element = ET.SubElement(file, f"{{{NS}}}unit", {"id": unit.id})
        if unit.notes:
            notes = ET.SubElement(element, f"{{{NS}}}notes")
            for category, text in unit.notes.items():
                ET.SubElement(notes, f"{{{NS}}}note", {"category": category}).text = text
        state = "initial"
        if unit.target:
            state = "translated" if unit.machine or not final else FINAL
        segment = ET.SubElement(element, f"{{{NS}}}segment", {"state": state})
        ET.SubElement(segment, f"{{{NS}}}source").text = unit.source
        if unit.target:
            ET.SubElement(segment, f"{{{NS}}}target").text = unit.target
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def read(data: bytes, name: str):
    """(translation uuid, target language, [(unit id, source, target, needs review)])."""
    try:
        root = ET.fromstring(data)
    except ET.ParseError as error:
        raise ExchangeError(f"{name}: not well-formed XML ({error}).") from error
    if root.tag != f"{{{NS}}}xliff" or root.get("version") != "2.0":
        raise ExchangeError(f"{name}: not an XLIFF 2.0 document.")
    files = root.findall(f"{{{NS}}}file")
    if len(files) != 1 or not (files[0].get("id") or "").startswith("t"):
        raise ExchangeError(f"{name}: expected one <file> exported by PROTECT.")
    units = []
    for unit in files[0].iter(f"{{{NS}}}unit"):
        segment = unit.find(f"{{{NS}}}segment")
        if segment is None or not unit.get("id"):
            raise ExchangeError(f"{name}: a <unit> without id or <segment>.")
        source = segment.find(f"{{{NS}}}source")
        target = segment.find(f"{{{NS}}}target")
        units.append(
            (
                unit.get("id"),
                source.text or "" if source is not None else "",
                (target.text or "") if target is not None else "",
                segment.get("state", "initial") != FINAL,
            )
        )
    return files[0].get("id")[1:], root.get("trgLang", ""), units
