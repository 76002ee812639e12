"""``parse_subtitles``: uploaded bytes to checked cues, or every reason they cannot be used."""

from cms import bidi

from . import limits
from .checks import Limits, check_track, language_of
from .cue_reader import CueReader
from .decode import decode
from .formats import detect_format
from .issuelog import IssueLog, fail
from .markup import CONTROL
from .model import ParseResult

_CONTROL_NAMES = {
    "\x00": "NUL",
    "\x08": "backspace",
    "\x0b": "vertical tab",
    "\x0c": "form feed",
    "\x1b": "escape",
    "\x7f": "delete",
}


def parse_subtitles(
    data: bytes,
    *,
    language: str | None = None,
    video_duration_ms: int | None = None,
    filename: str = "",
    max_bytes: int = limits.MAX_FILE_BYTES,
    max_cues: int = limits.MAX_CUES,
    max_chars_per_second: float = limits.MAX_CHARS_PER_SECOND,
    max_line_length: int = limits.MAX_LINE_LENGTH,
) -> ParseResult:
    """Read a WebVTT or SRT upload.

    Raises ``SubtitleFileError`` listing every error with its line; problems that only make
    the track harder to watch come back as ``ParseResult.warnings``.
    """
    if len(data) > max_bytes:
        raise fail(
            None, "too_large", f"The file is {_size(len(data))}; the limit is {_size(max_bytes)}."
        )
    if not data:
        raise fail(None, "no_cues", "The file is empty.")
    log = IssueLog()
    declared = language_of(language, log)
    text = decode(data, declared).lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise fail(None, "no_cues", "The file is empty.")
    source_format = detect_format(text, filename)
    _check_characters(text, log)
    _check_bidi(text, log)
    lines = text.split("\n")
    reader = CueReader(lines, srt=source_format == "srt", log=log)
    entries = reader.read(max_cues)
    if reader.cue_count == 0 and not log.errors:
        log.error(
            None,
            "no_cues",
            "The file has no cues: a timing line like '00:00:01.000 --> 00:00:04.000' "
            "followed by the text to show.",
        )
    log.raise_errors()

    entries.sort(key=lambda entry: (entry[0].start_ms, entry[0].end_ms))
    check_track(
        entries, log, declared, Limits(video_duration_ms, max_chars_per_second, max_line_length)
    )
    return ParseResult([cue for cue, _ in entries], log.warnings(), source_format)


def _check_characters(text: str, log: IssueLog) -> None:
    """Control characters anywhere in the file, found with one regex instead of a loop."""
    line, position = 1, 0
    for listed, match in enumerate(CONTROL.finditer(text)):
        if listed == IssueLog.MAX_ERRORS:
            log.count_unlisted_errors(len(CONTROL.findall(text, position)) - 1)
            break
        line += text.count("\n", position, match.start())
        position = match.start()
        column = position - text.rfind("\n", 0, position)
        char = match.group()
        name = _CONTROL_NAMES.get(char)
        shown = f"U+{ord(char):04X}" + (f" ({name})" if name else "")
        hint = ", usually left by a wrong encoding conversion" if ord(char) >= 0x80 else ""
        log.error(line, "control_character", f"control character {shown} in column {column}{hint}")
    replacement = text.find("\ufffd")
    if replacement >= 0:
        log.warn(
            text.count("\n", 0, replacement) + 1,
            "replacement_character",
            "the text contains '\ufffd', which marks characters lost in an earlier encoding "
            "conversion; check the text around it",
        )


def _check_bidi(text: str, log: IssueLog) -> None:
    """Overrides and unbalanced embeddings or isolates (``cms.bidi``), with their line."""
    for problem in bidi.problems(text):
        log.error(problem.line, "bidi_control", problem.message)


def cue_text_problem(text: str) -> str | None:
    """The bidi rule of uploads for cue text typed elsewhere (the page editor): the first
    problem as a sentence, or None."""
    return bidi.summary(text)


def _size(count: int) -> str:
    return f"{count / 1_000_000:.1f} MB" if count >= 100_000 else f"{count:,} bytes"
