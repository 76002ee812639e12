"""Warnings about a track that is valid but will not play well: timing, readability, language."""

from dataclasses import dataclass

import cms.languages

from .issuelog import IssueLog
from .markup import plain_text
from .model import Cue
from .scripts import first_strong_direction, letter_scripts, name_prefix
from .timing import format_timestamp

# Enough letters to tell a script apart, spread over the whole track.
_SCRIPT_SAMPLE_CUES = 1000
_SCRIPT_MINIMUM_LETTERS = 20


@dataclass(frozen=True, slots=True)
class Limits:
    video_duration_ms: int | None
    max_chars_per_second: float
    max_line_length: int


def find_language(code: str | None) -> cms.languages.Language | None:
    """The site language for a code, also for a regional one like "ar-SY"."""
    if not code:
        return None
    return cms.languages.get(code) or cms.languages.get(code.split("-")[0].lower())


def language_of(code: str | None, log: IssueLog) -> cms.languages.Language | None:
    language = find_language(code)
    if code and language is None:
        log.warn(
            None,
            "unknown_language",
            f"'{code}' is not one of the site's languages, so the text direction and script "
            "were not checked.",
        )
    return language


def check_track(
    entries: list[tuple[Cue, list[int]]],
    log: IssueLog,
    language: cms.languages.Language | None,
    limits: Limits,
) -> None:
    """Warn about each cue of a sorted track; entries pair a cue with its text line numbers.

    This runs on every cue of every upload, so it is one loop with the cheap tests first.
    """
    # A track in the wrong script would also fail the direction check on every line.
    wrong_script = language is not None and _check_script(entries, language, log)
    rtl = language is not None and language.is_rtl and not wrong_script
    max_length = limits.max_line_length
    max_speed = limits.max_chars_per_second
    duration = limits.video_duration_ms
    latest: Cue | None = None  # the cue that ends last so far

    for cue, line_numbers in entries:
        if latest is not None and cue.start_ms < latest.end_ms:
            _warn_overlap(cue, latest, log)
        if latest is None or cue.end_ms > latest.end_ms:
            latest = cue
        if duration is not None and cue.end_ms > duration:
            _warn_video_end(cue, duration, log)

        text = cue.text
        lines = text.split("\n") if text else []
        if "<" in text or "&" in text:
            lines = [plain_text(line) for line in lines]
        characters = 0
        for line, number in zip(lines, line_numbers, strict=True):
            characters += len(line)
            if len(line) > max_length:
                log.warn(
                    number,
                    "line_length",
                    f"the line is {len(line)} characters long (limit {max_length})",
                )
            if rtl and first_strong_direction(line) == "ltr":
                _warn_rtl_line(line, number, language, log)
        if characters * 1000 > max_speed * (cue.end_ms - cue.start_ms):
            _warn_reading_speed(cue, characters, max_speed, log)


def _warn_overlap(cue: Cue, latest: Cue, log: IssueLog) -> None:
    log.warn(
        cue.line,
        "overlap",
        f"the cue starting at {format_timestamp(cue.start_ms)} overlaps the cue on line "
        f"{latest.line}, which ends at {format_timestamp(latest.end_ms)}",
    )


def _warn_video_end(cue: Cue, duration_ms: int, log: IssueLog) -> None:
    if cue.start_ms >= duration_ms:
        message = f"the cue starts at {format_timestamp(cue.start_ms)}, after the video ends"
    else:
        message = f"the cue ends at {format_timestamp(cue.end_ms)}, after the video ends"
    log.warn(cue.line, "after_video_end", f"{message} ({format_timestamp(duration_ms)})")


def _warn_rtl_line(line: str, number: int, language: cms.languages.Language, log: IssueLog) -> None:
    log.warn(
        number,
        "rtl_starts_ltr",
        f"this right-to-left line starts with left-to-right text ('{line.strip()[:20]}'), so "
        f"players will lay it out left-to-right; start it with {language.name} text or put "
        "&rlm; in front of it",
    )


def _warn_reading_speed(cue: Cue, characters: int, limit: float, log: IssueLog) -> None:
    seconds = (cue.end_ms - cue.start_ms) / 1000
    log.warn(
        cue.line,
        "reading_speed",
        f"{characters} characters in {seconds:g} s is {characters / seconds:.1f} characters "
        f"per second (limit {limit:g}); lengthen the cue or shorten the text",
    )


def _check_script(
    entries: list[tuple[Cue, list[int]]], language: cms.languages.Language, log: IssueLog
) -> bool:
    """Warn when most letters are not in the language's script; True if so."""
    sample = entries[:: max(1, len(entries) // _SCRIPT_SAMPLE_CUES)]
    counts = letter_scripts(" ".join(plain_text(cue.text) for cue, _ in sample))
    total = sum(counts.values())
    expected = name_prefix(language.script)
    if total < _SCRIPT_MINIMUM_LETTERS or counts[expected] * 2 >= total:
        return False
    found, found_count = counts.most_common(1)[0]
    log.warn(
        None,
        "script_mismatch",
        f"Most letters in the file are in the {found.title()} script "
        f"({found_count * 100 // total}%), but {language.name} is written in the "
        f"{expected.title()} script; check that this is the {language.name} file.",
    )
    return True
