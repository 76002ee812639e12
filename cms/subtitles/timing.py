"""Timestamps and cue timing lines, read as strictly as browsers read WebVTT."""

import re

# Hours may be omitted (MM:SS.mmm) and have one digit or more, as in the WebVTT parser; nine
# is over a century and keeps int() away from hostile digit strings.
_MAX_HOUR_DIGITS = 9
_TIMESTAMP = re.compile(r"(?:(\d{1,9}):)?(\d\d):(\d\d)([.,])(\d\d\d)")
# Anything shaped like a timestamp, to say exactly what is wrong with it.
_LOOSE_TIMESTAMP = re.compile(r"(?:(\d+):)?(\d+):(\d+)(?:([.,:])(\d*))?")
# The usual, fully written timing line, read with one regex; anything else takes the long way.
_PLAIN_TIMING_LINE = re.compile(
    r"[ \t]*(\d{1,9}):([0-5]\d):([0-5]\d)\.(\d{3})[ \t]*-->"
    r"[ \t]*(\d{1,9}):([0-5]\d):([0-5]\d)\.(\d{3})(?:[ \t]+(.*))?"
)
# Possessive, so that a long line that is not one cannot make the regex backtrack.
_TIMING_TOKEN = re.compile(r"[^ \t\d]*+\d[^ \t]*+")
_WHITESPACE = " \t"

_EXAMPLE = "write HH:MM:SS.mmm, e.g. '00:01:02.500'"


class TimestampError(ValueError):
    pass


def is_timing_like(line: str) -> bool:
    """Whether a line with "-->" is meant as a timing line: one token with a digit before the
    arrow. Such a line starts a cue even without an empty line before it, as in browsers."""
    before, arrow, _ = line.partition("-->")
    return bool(arrow) and bool(_TIMING_TOKEN.fullmatch(before.strip(_WHITESPACE)))


def parse_timestamp(value: str) -> tuple[int, bool]:
    """Milliseconds, and whether an SRT comma separated the milliseconds."""
    match = _TIMESTAMP.fullmatch(value)
    if match is None:
        raise TimestampError(_diagnose(value))
    hours, minutes, seconds, separator, millis = match.groups()
    if int(minutes) > 59:
        raise TimestampError(f"minutes must be below 60 in '{value}'")
    if int(seconds) > 59:
        raise TimestampError(f"seconds must be below 60 in '{value}'")
    total = ((int(hours or 0) * 60 + int(minutes)) * 60 + int(seconds)) * 1000 + int(millis)
    return total, separator == ","


def parse_plain_timing_line(line: str) -> tuple[int, int, str] | None:
    """Start, end and settings text of a timing line in the usual form, else None."""
    match = _PLAIN_TIMING_LINE.fullmatch(line)
    if match is None:
        return None
    h1, m1, s1, ms1, h2, m2, s2, ms2, settings = match.groups()
    start = ((int(h1) * 60 + int(m1)) * 60 + int(s1)) * 1000 + int(ms1)
    end = ((int(h2) * 60 + int(m2)) * 60 + int(s2)) * 1000 + int(ms2)
    return start, end, (settings or "").strip()


def split_timing_line(line: str) -> tuple[str, str, str]:
    """Start, end and the cue settings text of a line known to contain "-->"."""
    start, _, rest = line.partition("-->")
    end, _, settings = rest.strip(_WHITESPACE).replace("\t", " ").partition(" ")
    return start.strip(_WHITESPACE), end, settings.strip()


def format_timestamp(ms: int, separator: str = ".") -> str:
    seconds, millis = divmod(ms, 1000)
    minutes, seconds = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}{separator}{millis:03d}"


def _diagnose(value: str) -> str:
    if not value:
        return f"a time is missing around '-->'; {_EXAMPLE}"
    shown = value if len(value) <= 40 else value[:39] + "…"
    match = _LOOSE_TIMESTAMP.fullmatch(value)
    if match is None:
        return f"'{shown}' is not a timestamp; {_EXAMPLE}"
    hours, minutes, seconds, separator, millis = match.groups()
    if separator is None:
        return f"milliseconds are missing in '{shown}' (write '{shown}.000')"
    if separator == ":":
        return (
            f"'{shown}' is a frame-based timecode (HH:MM:SS:FF); subtitles need milliseconds, "
            f"{_EXAMPLE}"
        )
    if hours and len(hours) > _MAX_HOUR_DIGITS:
        return f"hours must have at most {_MAX_HOUR_DIGITS} digits in '{shown}'"
    if len(minutes) != 2:
        return f"minutes must have 2 digits in '{shown}'"
    if len(seconds) != 2:
        return f"seconds must have 2 digits in '{shown}'"
    if int(minutes) > 59:
        return f"minutes must be below 60 in '{value}'"
    if int(seconds) > 59:
        return f"seconds must be below 60 in '{value}'"
    prefix = value[: len(value) - len(millis)]
    return (
        f"milliseconds must have exactly 3 digits in '{shown}' "
        f"(did you mean '{prefix}{millis.ljust(3, '0')[:3]}'?)"
    )
