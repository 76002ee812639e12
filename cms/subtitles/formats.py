"""Telling WebVTT and SRT apart from the other things people upload as subtitles."""

import re

from .issuelog import fail

_BINARY_SIGNATURES = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (a Word .docx file is one)"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document (.doc)"),
    (b"\x1a\x45\xdf\xa3", "a Matroska or WebM video"),
    (b"ID3", "an MP3 audio file"),
    (b"RIFF", "a WAV or AVI media file"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
)
# Bytes that text never has: C0 controls except tab, line breaks, form feed and escape.
_NOT_CONTROL_BYTES = bytes(b for b in range(256) if b >= 0x20 or b in b"\t\n\v\f\r\x1b")

_HEADER_LIKE = re.compile(r"[ \t]*web[ \t_-]?vtt", re.IGNORECASE)
_SRT_TIMING = re.compile(r"[ \t]*\d+:\d\d:\d\d,\d+[ \t]*-->")
_SBV_TIMING = re.compile(r"\d+:\d\d:\d\d\.\d+,\d+:\d\d:\d\d\.\d+\s*$")
_MICRODVD = re.compile(r"\{\d+\}\{\d*\}")
_JSON = re.compile(r"[\[{]\s*[\"{\[]")
_TTML = re.compile(r"<tt[\s>:]", re.IGNORECASE)
# The shape an upload must have to be stored as a subtitle document (see ``content_type``).
_ANY_SRT_TIMING = re.compile(r"\d{1,2}:\d{2}:\d{2}[,.]\d{3}\s*-->\s*\d{1,2}:\d{2}:\d{2}[,.]\d{3}")
_ANY_VTT_TIMING = re.compile(r"(\d+:)?\d{2}:\d{2}\.\d{3}\s*-->\s*(\d+:)?\d{2}:\d{2}\.\d{3}")
_VTT_HEADER = re.compile(r"WEBVTT(?:[ \t]|$)")


def binary_format(data: bytes) -> str | None:
    """A description of a non-text upload (video, Word document …), or None for text."""
    for signature, description in _BINARY_SIGNATURES:
        if data.startswith(signature):
            return description
    if data[4:8] == b"ftyp":
        return "an MP4 or MOV video"
    head = data[:1024]
    # A stray NUL is a cue text error with a line number; a file full of them is not text.
    if len(head.translate(None, _NOT_CONTROL_BYTES)) * 10 > len(head):
        return "a binary file"
    return None


def is_header_like(line: str) -> bool:
    return bool(_HEADER_LIKE.match(line))


def content_type(text: str) -> str | None:
    """ "text/vtt" or "application/x-subrip" if ``text`` has the shape of one, else None: the
    quick check an upload gets before it is stored (reading it cue by cue is ``parse``)."""
    stripped = text.lstrip("\ufeff")
    if _VTT_HEADER.match(stripped.splitlines()[0] if stripped else "") and (
        _ANY_VTT_TIMING.search(stripped) or len(stripped.strip()) == len("WEBVTT")
    ):
        return "text/vtt"
    if _ANY_SRT_TIMING.search(stripped):
        return "application/x-subrip"
    return None


def detect_format(text: str, filename: str = "") -> str:
    """The format of a text upload, "vtt" or "srt"; anything else is rejected, named so that
    people know what to export instead."""
    head = text[:4096].lstrip()
    lines = head.split("\n", 2)
    first = lines[0].strip()
    second = lines[1] if len(lines) > 1 else ""

    if is_header_like(first):
        return "vtt"
    if (first.isdigit() and _SRT_TIMING.match(second)) or _SRT_TIMING.match(first):
        return "srt"
    other = _other_format(head, first, has_timings="-->" in text)
    if other:
        named = f" ('{filename}')" if filename else ""
        raise fail(
            None,
            "unsupported_format",
            f"The file{named} is {other}, which cannot be used. "
            "Export the subtitles as WebVTT (.vtt) or SubRip (.srt) and upload again.",
        )
    return "vtt"


def _other_format(head: str, first: str, *, has_timings: bool) -> str | None:
    lowered = head[:200].lower()
    if lowered.startswith("<?xml") or _TTML.match(head):
        return "TTML/DFXP (XML subtitles)" if _TTML.search(head) else "an XML document"
    if lowered.startswith("<sami"):
        return "SAMI (.smi)"
    if lowered.startswith(("<!doctype html", "<html")):
        return "an HTML page"
    if first.lower() in ("[script info]", "[v4+ styles]", "[v4 styles]"):
        return "SSA/ASS (SubStation Alpha)"
    if first.startswith("Scenarist_SCC"):
        return "SCC (Scenarist closed captions)"
    if lowered.startswith("{\\rtf"):
        return "an RTF word-processor document"
    if _SBV_TIMING.match(first):
        return "SBV (YouTube subtitles)"
    if _MICRODVD.match(first):
        return "MicroDVD (.sub)"
    if _JSON.match(head):
        return "JSON"
    if not has_timings:
        return "text without cue timings (a line like '00:00:01.000 --> 00:00:04.000')"
    return None
