"""TMX 1.4 (https://www.gala-global.org/tmx-14b) export and import of the memory.

One ``<tu>`` per entry: a source and a target ``<tuv>``, creation and change dates, the
translator as ``creationid``/``changeid`` and the origin as ``x-origin-*`` properties, so an
export imported into an empty memory gives the same entries back. Import is all or nothing:
the whole file is read and checked first; any problem raises ``ExchangeError`` naming the
translation unit (and line) and nothing is written."""

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import UTC, datetime

from defusedxml import ElementTree as SafeET
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import Locale

from ..exchange.xliff import ExchangeError
from . import text
from .models import MemoryEntry
from .record import add_bands

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
DATE = "%Y%m%dT%H%M%SZ"
MAX_BYTES = 50 * 1024 * 1024
ORIGIN_PROPS = ("origin-type", "origin-id", "origin-label", "origin-path")


def _date(value) -> str:
    return value.astimezone(UTC).strftime(DATE)


def export(entries, progress=None) -> bytes:
    """TMX bytes for ``entries`` (a MemoryEntry queryset)."""
    entries = entries.select_related("source_locale", "target_locale", "user", "origin_type")
    total = entries.count()
    root = ET.Element("tmx", version="1.4")
    source_lang = Locale.get_default().language_code
    ET.SubElement(
        root,
        "header",
        creationtool="PROTECT CMS",
        creationtoolversion="1",
        segtype="sentence",
        datatype="plaintext",
        adminlang="en",
        srclang=source_lang,
        **{"o-tmf": "protect-cms"},
    )
    body = ET.SubElement(root, "body")
    for done, entry in enumerate(entries.order_by("pk").iterator(chunk_size=2000), 1):
        unit = ET.SubElement(
            body,
            "tu",
            srclang=entry.source_locale.language_code,
            creationdate=_date(entry.created_at),
            changedate=_date(entry.updated_at),
        )
        if entry.user is not None:
            unit.set("creationid", entry.user.get_username())
            unit.set("changeid", entry.user.get_username())
        origin_type = entry.origin_type
        values = (
            f"{origin_type.app_label}.{origin_type.model}" if origin_type else "",
            entry.origin_id,
            entry.origin_label,
            entry.origin_path,
        )
        for name, value in zip(ORIGIN_PROPS, values, strict=True):
            if value:
                ET.SubElement(unit, "prop", type=f"x-{name}").text = value
        for lang, value in (
            (entry.source_locale.language_code, entry.source_text),
            (entry.target_locale.language_code, entry.target_text),
        ):
            variant = ET.SubElement(unit, "tuv", {XML_LANG: lang})
            ET.SubElement(variant, "seg").text = value
        if progress:
            progress(done, total)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


@dataclass
class Unit:
    source_lang: str
    target_lang: str
    source: str
    target: str
    created: datetime | None
    changed: datetime | None
    username: str
    origin: dict


def read(data: bytes, name="file") -> list[Unit]:
    if not data.strip():
        raise ExchangeError(f"{name}: the file is empty.")
    if len(data) > MAX_BYTES:
        raise ExchangeError(f"{name}: larger than {MAX_BYTES // 1024 // 1024} MB.")
    try:
        root = SafeET.fromstring(data)
    except ET.ParseError as error:
        line, column = error.position
        raise ExchangeError(f"{name}, line {line}, column {column}: not valid XML.") from error
    except Exception as error:  # defusedxml refuses entities and external references
        raise ExchangeError(f"{name}: refused ({type(error).__name__}).") from error
    if root.tag != "tmx" or root.get("version") != "1.4":
        raise ExchangeError(f'{name}: not a TMX 1.4 file (root <tmx version="1.4">).')
    header = root.find("header")
    default_src = header.get("srclang", "") if header is not None else ""
    units = root.findall("body/tu")
    if not units:
        raise ExchangeError(f"{name}: no <tu> translation units in <body>.")
    return [_unit(tu, number, default_src, name) for number, tu in enumerate(units, 1)]


def _unit(tu, number, default_src, name) -> Unit:
    where = f"{name}, translation unit {number}"
    variants = [
        (tuv.get(XML_LANG) or tuv.get("lang") or "", tuv.find("seg")) for tuv in tu.findall("tuv")
    ]
    if any(seg is None or not lang for lang, seg in variants):
        raise ExchangeError(f"{where}: every <tuv> needs xml:lang and a <seg>.")
    source_lang = tu.get("srclang") or default_src
    sources = [seg for lang, seg in variants if lang == source_lang]
    targets = [(lang, seg) for lang, seg in variants if lang != source_lang]
    if len(sources) != 1 or len(targets) != 1:
        raise ExchangeError(
            f"{where}: needs one <tuv> in the source language “{source_lang}” and one in the "
            "target language."
        )
    source, (target_lang, target) = "".join(sources[0].itertext()), targets[0]
    props = {p.get("type", "")[2:]: p.text or "" for p in tu.findall("prop")}
    return Unit(
        source_lang=source_lang,
        target_lang=target_lang,
        source=source,
        target="".join(target.itertext()),
        created=_parse_date(tu.get("creationdate"), where),
        changed=_parse_date(tu.get("changedate"), where),
        username=tu.get("changeid") or tu.get("creationid") or "",
        origin={k: props[k] for k in ORIGIN_PROPS if props.get(k)},
    )


def _parse_date(value, where):
    if not value:
        return None
    try:
        return datetime.strptime(value, DATE).replace(tzinfo=UTC)
    except ValueError as error:
        raise ExchangeError(f"{where}: date “{value}” is not YYYYMMDDThhmmssZ.") from error


def check(units, allowed_locale_ids=None, name="file") -> None:
    """Refuse (ExchangeError) units into a language this site lacks or that the importing user
    may not write (``allowed_locale_ids``: the target locales they may write; None: any)."""
    locales = {locale.language_code: locale.pk for locale in Locale.objects.all()}
    for number, unit in enumerate(units, 1):
        for lang in (unit.source_lang, unit.target_lang):
            if lang not in locales:
                raise ExchangeError(
                    f"{name}, translation unit {number}: “{lang}” is not a language of this site."
                )
        if allowed_locale_ids is not None and locales[unit.target_lang] not in allowed_locale_ids:
            raise ExchangeError(
                f"{name}, translation unit {number}: you may not add “{unit.target_lang}” entries."
            )


def import_units(units, allowed_locale_ids=None, name="file", progress=None) -> tuple[int, int]:
    """Check, then write the units in one transaction; returns (created, already there).
    ``progress(done, total)`` follows the preparation of each unit (the slow part)."""
    check(units, allowed_locale_ids, name)
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    users = {u.get_username(): u for u in get_user_model().objects.all()}
    types = {f"{t.app_label}.{t.model}": t for t in ContentType.objects.all()}
    entries = []
    for done, unit in enumerate(units, 1):
        entries.append(_entry(unit, locales, users, types))
        if progress:
            progress(done, len(units))
    seen = _existing_keys(entries)
    fresh = []
    for entry in entries:
        key = _key(entry)
        if key not in seen:
            seen.add(key)
            fresh.append(entry)
    with transaction.atomic():
        MemoryEntry.objects.bulk_create(fresh, batch_size=500)
        add_bands(fresh)
    return len(fresh), len(entries) - len(fresh)


def _key(entry) -> tuple:
    return (entry.source_locale.pk, entry.target_locale.pk, entry.source_hash, entry.target_hash)


def _existing_keys(entries, chunk=500) -> set[tuple]:
    hashes = sorted({entry.source_hash for entry in entries})
    found = set()
    for start in range(0, len(hashes), chunk):
        found.update(
            MemoryEntry.objects.filter(source_hash__in=hashes[start : start + chunk]).values_list(
                "source_locale_id", "target_locale_id", "source_hash", "target_hash"
            )
        )
    return found


def _entry(unit, locales, users, types) -> MemoryEntry:
    norm = text.normalise(unit.source)
    changed = unit.changed or unit.created or datetime.now(UTC)
    origin_type = types.get(unit.origin.get("origin-type", ""))
    return MemoryEntry(
        source_locale=locales[unit.source_lang],
        target_locale=locales[unit.target_lang],
        source_text=unit.source,
        source_norm=norm,
        source_hash=text.digest(norm),
        target_text=unit.target,
        target_hash=text.digest(unit.target),
        words=text.words(norm),
        trigrams=len(text.trigrams(norm)),
        origin_type=origin_type,
        origin_id=unit.origin.get("origin-id", "")[:64],
        origin_label=unit.origin.get("origin-label", "")[:255],
        origin_path=unit.origin.get("origin-path", "")[:255],
        user=users.get(unit.username),
        created_at=unit.created or changed,
        updated_at=changed,
    )
