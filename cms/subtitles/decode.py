"""Bytes to text: a byte-order mark decides, otherwise strict UTF-8 and never a guess.

Guessing an encoding turns a wrong guess into mojibake that nobody notices until the video is
online, so a file that is not UTF-8 is rejected with the encoding it most likely is in, which
tells the editor what to convert from.
"""

import codecs
import re

import charset_normalizer

import cms.languages

from .formats import binary_format
from .issuelog import fail
from .model import SubtitleFileError

# UTF-32 LE first: its mark starts with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)
_UTF16 = (("utf-16-le", "UTF-16 little-endian"), ("utf-16-be", "UTF-16 big-endian"))
_GUESS_WINDOW = 50_000
# What people know these encodings by.
_WRITING_SYSTEMS = {
    "cp1250": "Central European",
    "cp1251": "Cyrillic",
    "cp1252": "Western European",
    "cp1253": "Greek",
    "cp1254": "Turkish",
    "cp1255": "Hebrew",
    "cp1256": "Arabic",
    "cp1257": "Baltic",
    "cp1258": "Vietnamese",
    "iso8859_1": "Western European",
    "iso8859_2": "Central European",
    "iso8859_5": "Cyrillic",
    "iso8859_6": "Arabic",
    "iso8859_7": "Greek",
    "iso8859_9": "Turkish",
    "koi8_r": "Cyrillic",
    "cp866": "Cyrillic, DOS",
    "cp720": "Arabic, DOS",
    "cp864": "Arabic, DOS",
    "mac_cyrillic": "Cyrillic, Mac",
}
# The legacy code page that Windows subtitle tools use for a language: when the bytes fit
# several encodings equally well, the one the editor's language is usually saved in wins.
_LEGACY_BY_SCRIPT = {"Arab": "cp1256", "Cyrl": "cp1251", "Grek": "cp1253", "Latn": "cp1252"}
_LEGACY_BY_LANGUAGE = {
    "tr": "cp1254",
    "hr": "cp1250",
    "hu": "cp1250",
    "pl": "cp1250",
    "sl": "cp1250",
}
_SAVE_AS_UTF8 = "Save it as UTF-8 and upload again."


def decode(data: bytes, language: cms.languages.Language | None = None) -> str:
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            body = data[len(bom) :]
            try:
                return body.decode(codec)
            except UnicodeDecodeError as error:
                if codec == "utf-8":
                    raise _not_utf8(body, error, language) from None
                raise fail(
                    None,
                    "bad_encoding",
                    f"The file starts with a {label} byte-order mark but is not valid {label} "
                    f"(byte {error.start + len(bom)}). {_SAVE_AS_UTF8}",
                ) from None

    utf16 = _utf16_without_bom(data)
    if utf16:
        raise fail(
            None, "not_utf8", f"The file is {utf16} without a byte-order mark. {_SAVE_AS_UTF8}"
        )
    kind = binary_format(data)
    if kind:
        raise fail(
            None,
            "unsupported_format",
            f"The file is {kind}, not subtitles. "
            "Export the subtitles as WebVTT (.vtt) or SubRip (.srt) and upload again.",
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise _not_utf8(data, error, language) from None


def decode_any(data: bytes) -> str | None:
    """Text in whatever encoding the file came (UTF-8 first), or None if binary: enough to tell
    what an upload is before it is stored as a document, where a legacy encoding is kept as
    it came. Importing cues uses the strict ``decode``."""
    if b"\x00" in data:
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        best = charset_normalizer.from_bytes(data).best()
        return str(best) if best is not None else None


def _utf16_without_bom(data: bytes) -> str | None:
    head = data[: 4096 & ~1]
    for codec, label in _UTF16:
        text = head.decode(codec, errors="replace")
        if "-->" in text or "WEBVTT" in text:
            return label
    return None


def _not_utf8(
    data: bytes, error: UnicodeDecodeError, language: cms.languages.Language | None
) -> SubtitleFileError:
    line = data.count(b"\n", 0, error.start) + 1
    guess = _guess_encoding(data, error.start, language)
    looks_like = f"it looks like {guess}" if guess else "its encoding could not be recognised"
    return fail(
        line,
        "not_utf8",
        f"the file is not UTF-8 (byte 0x{data[error.start]:02X} cannot be read as UTF-8); "
        f"{looks_like}. {_SAVE_AS_UTF8}",
    )


def _guess_encoding(
    data: bytes, position: int, language: cms.languages.Language | None
) -> str | None:
    # Whole lines around the bad byte: enough to tell, and fast on a 5 MB file.
    start = data.rfind(b"\n", 0, max(position - _GUESS_WINDOW, 0)) + 1
    end = data.find(b"\n", position + _GUESS_WINDOW)
    matches = charset_normalizer.from_bytes(data[start : end if end >= 0 else len(data)])
    best = matches.best()
    if best is None or best.encoding in ("utf_8", "ascii"):
        return None
    usual = _usual_legacy_encoding(language)
    best = next(
        (
            match
            for match in matches
            if match.chaos <= best.chaos and usual in match.could_be_from_charset
        ),
        best,
    )
    writing = _WRITING_SYSTEMS.get(best.encoding)
    if writing is None and best.language != "Unknown":
        writing = best.language
    name = _label(best.encoding)
    return f"{name} ({writing})" if writing else name


def _usual_legacy_encoding(language: cms.languages.Language | None) -> str | None:
    if language is None:
        return None
    return _LEGACY_BY_LANGUAGE.get(language.code) or _LEGACY_BY_SCRIPT.get(language.script)


def _label(codec: str) -> str:
    if match := re.fullmatch(r"cp(125\d|874)", codec):
        return f"windows-{match.group(1)}"
    if match := re.fullmatch(r"iso8859_(\d+)", codec):
        return f"ISO-8859-{match.group(1)}"
    return codec.replace("_", "-")
