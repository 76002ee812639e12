"""Writing cues out: WebVTT for players, SRT for editors' tools, plain text for transcripts.

Cues may come from anywhere (an editor's correction, a machine translation), so every writer
brings the text to canonical form again instead of trusting it.
"""

import re
from collections.abc import Iterable

from .checks import find_language
from .cuesettings import clean_settings
from .markup import CONTROL, escape_line, plain_text, srt_text
from .model import Cue
from .scripts import first_strong_direction
from .timing import format_timestamp

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_BIDI_MARKS = str.maketrans("", "", "\u200e\u200f")


def render_vtt(cues: Iterable[Cue], *, language: str | None = None) -> str:
    """A WebVTT file that any player reads the same way.

    For a right-to-left ``language``, lines that start with left-to-right text (a name, a
    brand) get "&rlm;" in front, so players lay them out right-to-left.
    """
    declared = find_language(language)
    rtl = declared is not None and declared.is_rtl
    out = ["WEBVTT", ""]
    for cue in _in_order(cues):
        identifier = _identifier(cue.identifier)
        if identifier:
            out.append(identifier)
        settings, _ = clean_settings(cue.settings)
        timing = f"{format_timestamp(cue.start_ms)} --> {format_timestamp(cue.end_ms)}"
        out.append(f"{timing} {settings}" if settings else timing)
        for line in _canonical_lines(cue.text):
            if rtl and first_strong_direction(plain_text(line)) == "ltr":
                line = "&rlm;" + line
            out.append(line)
        out.append("")
    return "\n".join(out)


def render_srt(cues: Iterable[Cue]) -> str:
    blocks = []
    for number, cue in enumerate(_in_order(cues), start=1):
        start = format_timestamp(cue.start_ms, ",")
        end = format_timestamp(cue.end_ms, ",")
        text = [line for line in map(srt_text, _canonical_lines(cue.text)) if line.strip()]
        blocks.append("\n".join([str(number), f"{start} --> {end}", *text]))
    return "\n\n".join(blocks) + "\n" if blocks else ""


def render_transcript(cues: Iterable[Cue]) -> str:
    """The words alone, a paragraph per cue; a line repeated by the next cue (roll-up
    captions) is written once."""
    paragraphs = []
    previous = None
    for cue in _in_order(cues):
        kept = []
        for line in _canonical_lines(cue.text):
            words = " ".join(plain_text(line).translate(_BIDI_MARKS).split())
            if words and words != previous:
                kept.append(words)
                previous = words
        if kept:
            paragraphs.append(" ".join(kept))
    return "\n\n".join(paragraphs) + "\n" if paragraphs else ""


def _in_order(cues: Iterable[Cue]) -> list[Cue]:
    ordered = sorted(cues, key=lambda cue: (cue.start_ms, cue.end_ms))
    for cue in ordered:
        if cue.start_ms < 0 or cue.end_ms <= cue.start_ms:
            raise ValueError(f"cue times must satisfy 0 <= start < end: {cue!r}")
    return ordered


def _identifier(identifier: str) -> str:
    identifier = " ".join(CONTROL.sub("", identifier).split())
    return "" if "-->" in identifier else identifier


def _canonical_lines(text: str) -> list[str]:
    lines = (escape_line(line).strip() for line in _LINE_BREAK.split(text))
    return [line for line in lines if line]
