"""Reading cues line by line, block by block, as the WebVTT parser collects them (SRT too),
with every error and repair logged against its line."""

import re
from dataclasses import dataclass

from .cuesettings import clean_settings
from .formats import is_header_like
from .issuelog import IssueLog, plural
from .markup import LineCheck, check_line
from .model import Cue
from .timing import (
    TimestampError,
    format_timestamp,
    is_timing_like,
    parse_plain_timing_line,
    parse_timestamp,
    split_timing_line,
)

_HEADER = re.compile(r"WEBVTT(?:[ \t].*)?")
# NOTE, STYLE and REGION are block keywords only when followed by whitespace or nothing.
_KEYWORD = re.compile(r"(NOTE|STYLE|REGION)(?:[ \t].*)?")


@dataclass(slots=True)
class _Repairs:
    """Repairs made all over a file, reported once with where they start and how many."""

    first_line: int = 0
    count: int = 0

    def add(self, line: int) -> None:
        self.first_line = self.first_line or line
        self.count += 1


class CueReader:
    """One pass over the lines, block by block as the WebVTT parser collects them: a block
    ends at an empty line, or where a line with "-->" cannot be its timing line."""

    def __init__(self, lines: list[str], *, srt: bool, log: IssueLog):
        self.lines = lines
        self.srt = srt
        self.log = log
        self.cue_count = 0
        self.commas = _Repairs()
        self.style_codes = _Repairs()
        self.font_tags = _Repairs()
        self.dropped = {"STYLE": _Repairs(), "REGION": _Repairs()}
        self.unsorted = _Repairs()

    def read(self, max_cues: int) -> list[tuple[Cue, list[int]]]:
        lines = self.lines
        count = len(lines)
        entries: list[tuple[Cue, list[int]]] = []
        index = 0 if self.srt else self._skip_header()
        while index < count:
            line = lines[index]
            if not line:
                index += 1
                continue
            if "-->" in line:
                identifier, timing = "", index
            elif index + 1 < count and "-->" in lines[index + 1]:
                identifier = line.strip()
                timing = index + 1
                if self.srt and identifier.isdigit():
                    identifier = ""  # SRT counters; render_srt numbers cues again
            else:
                index = self._skip_block(index)
                continue
            self.cue_count += 1
            if self.cue_count > max_cues:
                self._too_many_cues(max_cues)
            index, entry = self._read_cue(timing, identifier)
            if entry is not None:
                if entries and entry[0].start_ms < entries[-1][0].start_ms:
                    self.unsorted.add(entry[0].line)
                entries.append(entry)
        self._report_repairs()
        return entries

    def _skip_header(self) -> int:
        lines = self.lines
        first = next(number for number, line in enumerate(lines) if line.strip())
        if not is_header_like(lines[first]):
            self.log.warn(
                1, "fixed_header", "the file does not start with 'WEBVTT'; the header was added"
            )
            return 0
        if first > 0:
            self.log.warn(
                first + 1,
                "fixed_header",
                "'WEBVTT' must be on the first line; the lines before it were removed",
            )
        elif not _HEADER.fullmatch(lines[0]):
            self.log.warn(
                1,
                "fixed_header",
                f"the header must be 'WEBVTT' in capitals, alone or followed by a space; "
                f"'{lines[0].strip()[:30]}' was replaced",
            )
        # Header text and metadata lines run to the first empty line or timing line.
        index = first + 1
        while index < len(lines) and lines[index] and "-->" not in lines[index]:
            index += 1
        return index

    def _skip_block(self, index: int) -> int:
        lines = self.lines
        keyword = _KEYWORD.fullmatch(lines[index].rstrip())
        if keyword is None:
            self.log.error(
                index + 1,
                "text_outside_cue",
                f"'{lines[index].strip()[:40]}' is not part of any cue; an empty line ends a "
                "cue, so remove the empty line above it or give it a timing line",
            )
        elif keyword.group(1) in self.dropped:
            self.dropped[keyword.group(1)].add(index + 1)
        index += 1
        while index < len(lines) and lines[index] and "-->" not in lines[index]:
            index += 1
        return index

    def _read_cue(self, timing: int, identifier: str) -> tuple[int, tuple[Cue, list[int]] | None]:
        lines = self.lines
        count = len(lines)
        srt = self.srt
        times = self._read_timing(lines[timing], timing + 1)

        text_lines: list[str] = []
        numbers: list[int] = []
        index = timing + 1
        while index < count and lines[index]:
            line = lines[index]
            if "-->" in line:
                if is_timing_like(line):
                    break  # the next cue, without an empty line before it
                self.log.error(
                    index + 1,
                    "arrow_in_text",
                    f"'-->' can only be in a timing line, not in cue text ('{line.strip()[:40]}'); "
                    "write '→' or '--&gt;' instead",
                )
            elif srt and self._starts_srt_cue(index):
                break
            elif stripped := line.strip():
                checked = check_line(stripped, srt=srt)
                if checked is not None:
                    # Removing {\an8} or <font> can leave nothing to show.
                    stripped = self._apply(checked, index + 1).strip()
                if stripped:
                    text_lines.append(stripped)
                    numbers.append(index + 1)
            index += 1

        if times is None:
            return index, None
        start, end, settings = times
        cue = Cue(start, end, "\n".join(text_lines), settings, identifier, timing + 1)
        return index, (cue, numbers)

    def _apply(self, checked: LineCheck, number: int) -> str:
        for code, message in checked.problems:
            self.log.error(number, code, message)
        if checked.stripped_style_codes:
            self.style_codes.add(number)
        if checked.stripped_font_tags:
            self.font_tags.add(number)
        return checked.text

    def _read_timing(self, line: str, number: int) -> tuple[int, int, str] | None:
        plain = parse_plain_timing_line(line)
        if plain is not None:
            start, end, settings_text = plain
            start_text, end_text = "", ""
        else:
            times = self._read_times(line, number)
            if times is None:
                return None
            start, end, start_text, end_text, settings_text = times
        if end <= start:
            self.log.error(
                number,
                "end_before_start",
                f"the cue ends at {end_text or format_timestamp(end)}, which is not after its "
                f"start {start_text or format_timestamp(start)}",
            )
            return None
        settings, problems = clean_settings(settings_text)
        for problem in problems:
            self.log.warn(number, "invalid_cue_settings", problem)
        return start, end, settings

    def _read_times(self, line: str, number: int) -> tuple[int, int, str, str, str] | None:
        """The timing line the long way, saying what is wrong with it."""
        log = self.log
        if not is_timing_like(line):
            log.error(
                number,
                "arrow_in_text",
                f"'-->' can only be in a timing line like '00:00:01.000 --> 00:00:04.000'; "
                f"found '{line.strip()[:40]}'",
            )
            return None
        start_text, end_text, settings_text = split_timing_line(line)
        times = []
        for text in (start_text, end_text):
            try:
                times.append(parse_timestamp(text))
            except TimestampError as error:
                log.error(number, "bad_timestamp", str(error))
        if len(times) < 2:
            return None
        (start, start_comma), (end, end_comma) = times
        if (start_comma or end_comma) and not self.srt:
            self.commas.add(number)
        return start, end, start_text, end_text, settings_text

    def _starts_srt_cue(self, index: int) -> bool:
        # A counter followed by a timing line: the next SRT cue, without an empty line.
        lines = self.lines
        return (
            lines[index].strip().isdigit()
            and index + 1 < len(lines)
            and is_timing_like(lines[index + 1])
        )

    def _too_many_cues(self, max_cues: int) -> None:
        total = sum(1 for line in self.lines if "-->" in line)
        self.log.error(
            None,
            "too_many_cues",
            f"The file has {total:,} cues; the limit is {max_cues:,}. Split it into shorter files.",
        )
        self.log.raise_errors()

    def _report_repairs(self) -> None:
        warn = self.log.warn
        if self.commas.count:
            warn(
                self.commas.first_line,
                "fixed_srt_commas",
                f"timestamps use SRT commas ('00:00:01,000'); fixed to WebVTT dots on "
                f"{plural(self.commas.count, 'timing line')}",
            )
        if self.style_codes.count:
            warn(
                self.style_codes.first_line,
                "stripped_style_codes",
                f"styling codes like '{{\\an8}}' were removed from "
                f"{plural(self.style_codes.count, 'line')}; WebVTT players would show them as text",
            )
        if self.font_tags.count:
            warn(
                self.font_tags.first_line,
                "stripped_font_tags",
                f"<font> tags were removed from {plural(self.font_tags.count, 'line')}; "
                "WebVTT has no <font> tag",
            )
        for keyword, repairs in self.dropped.items():
            if repairs.count:
                warn(
                    repairs.first_line,
                    f"dropped_{keyword.lower()}_block",
                    f"{plural(repairs.count, keyword + ' block')} dropped; the site styles "
                    "subtitles itself",
                )
        if self.unsorted.count:
            warn(
                self.unsorted.first_line,
                "unsorted",
                f"{plural(self.unsorted.count, 'cue')} started before the cue above; the "
                "cues were sorted by start time",
            )
