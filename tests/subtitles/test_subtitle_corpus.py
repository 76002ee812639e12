"""Every file in corpus/ is read exactly as this table says: accepted with its cues and warnings,
or rejected with its errors and the line of the first one."""

from dataclasses import dataclass, field
from pathlib import Path

import pytest

from cms.subtitles import SubtitleFileError, parse_subtitles
from cms.subtitles.limits import MAX_CUES

CORPUS = Path(__file__).with_name("corpus")


@dataclass(frozen=True)
class Accepted:
    cues: int
    warnings: frozenset[str] = frozenset()
    source_format: str = "vtt"
    options: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Rejected:
    errors: frozenset[str]
    first_line: int | None
    options: dict = field(default_factory=dict)


def accepted(cues, *warnings, source_format="vtt", **options):
    return Accepted(cues, frozenset(warnings), source_format, options)


def rejected(first_line, *errors, **options):
    return Rejected(frozenset(errors), first_line, options)


ARABIC = {"language": "ar"}

EXPECTED = {
    # Encodings and line endings
    "bom_utf8.vtt": accepted(2),
    "crlf.vtt": accepted(2),
    "cr_only.vtt": accepted(2),
    "utf16le_bom.vtt": accepted(3, **ARABIC),
    "utf32le_bom.vtt": accepted(2),
    "utf16_no_bom.vtt": rejected(None, "not_utf8"),
    "arabic_windows1256.vtt": rejected(4, "not_utf8", **ARABIC),
    "latin1_french.srt": rejected(3, "not_utf8", language="fr"),
    # Headers and formats
    "missing_header.vtt": accepted(2, "fixed_header"),
    "lowercase_header.vtt": accepted(2, "fixed_header"),
    "srt_commas.vtt": accepted(2, "fixed_srt_commas"),
    "plain.srt": accepted(3, "stripped_font_tags", "stripped_style_codes", source_format="srt"),
    "srt_content_named.vtt": accepted(2, source_format="srt"),
    "ttml_renamed.vtt": rejected(None, "unsupported_format"),
    "subtitles.ass": rejected(None, "unsupported_format"),
    "word_document.vtt": rejected(None, "unsupported_format"),
    "empty.vtt": rejected(None, "no_cues"),
    "header_only.vtt": rejected(None, "no_cues"),
    "note_style_region.vtt": accepted(2, "dropped_style_block", "dropped_region_block"),
    # Timing
    "hours_omitted.vtt": accepted(2),
    "minutes_60.vtt": rejected(6, "bad_timestamp"),
    "seconds_60.vtt": rejected(6, "bad_timestamp"),
    "two_digit_millis.vtt": rejected(6, "bad_timestamp"),
    "end_before_start.vtt": rejected(6, "end_before_start"),
    "overlap.vtt": accepted(2, "overlap"),
    "unsorted.vtt": accepted(3, "unsorted"),
    "after_video_end.vtt": accepted(3, "after_video_end", video_duration_ms=10_000),
    "invalid_settings.vtt": accepted(2, "invalid_cue_settings"),
    # Cue text
    "arrow_in_text.vtt": rejected(7, "arrow_in_text"),
    "nul_byte.vtt": rejected(7, "control_character"),
    "script_injection.vtt": rejected(7, "disallowed_tag"),
    "attribute_injection.vtt": rejected(7, "disallowed_tag"),
    "unescaped_less_than.vtt": rejected(7, "unclosed_tag"),
    "bad_timestamp_tag.vtt": rejected(4, "bad_timestamp"),
    "blank_line_in_cue.vtt": rejected(9, "text_outside_cue"),
    "karaoke_and_tags.vtt": accepted(2),
    "bidi_override.srt": rejected(7, "bidi_control"),
    "bidi_unbalanced.vtt": rejected(8, "bidi_control"),
    # Readability and language
    "long_lines.vtt": accepted(1, "line_length"),
    "fast_cue.vtt": accepted(1, "reading_speed", "line_length"),
    "arabic.vtt": accepted(3, **ARABIC),
    "arabic_starts_latin.vtt": accepted(3, "rtl_starts_ltr", **ARABIC),
    "tigrinya_declared_arabic.vtt": accepted(2, "script_mismatch", **ARABIC),
    "bidi_isolates_marks.vtt": accepted(3, **ARABIC),
}


def parse_corpus_file(name: str):
    expected = EXPECTED[name]
    options = {"language": "en", **expected.options}
    return parse_subtitles((CORPUS / name).read_bytes(), filename=name, **options)


def test_every_corpus_file_has_an_expectation():
    assert sorted(path.name for path in CORPUS.iterdir()) == sorted(EXPECTED)
    assert len(EXPECTED) >= 28


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_corpus_file(name):
    expected = EXPECTED[name]
    if isinstance(expected, Accepted):
        result = parse_corpus_file(name)
        assert len(result.cues) == expected.cues
        assert {issue.code for issue in result.warnings} == expected.warnings
        assert result.source_format == expected.source_format
        starts = [(cue.start_ms, cue.end_ms) for cue in result.cues]
        assert starts == sorted(starts)
    else:
        with pytest.raises(SubtitleFileError) as raised:
            parse_corpus_file(name)
        errors = raised.value.errors
        assert {issue.code for issue in errors} == expected.errors
        assert errors[0].line == expected.first_line


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_messages_name_the_line(name):
    """A person reads these: every issue with a line says so first."""
    try:
        issues = parse_corpus_file(name).warnings
    except SubtitleFileError as error:
        issues = error.errors
    for issue in issues:
        if issue.line is not None:
            assert issue.message.startswith(f"Line {issue.line}: ")
        assert issue.message.strip()


@pytest.mark.parametrize(
    ("name", "fragment"),
    [
        ("minutes_60.vtt", "Line 6: minutes must be below 60 in '00:60:00.000'"),
        ("seconds_60.vtt", "Line 6: seconds must be below 60 in '00:00:60.000'"),
        ("two_digit_millis.vtt", "did you mean '00:00:04.500'?"),
        ("arabic_windows1256.vtt", "it looks like windows-1256 (Arabic). Save it as UTF-8"),
        ("latin1_french.srt", "windows-1252 (Western European)"),
        ("utf16_no_bom.vtt", "UTF-16 little-endian without a byte-order mark"),
        ("ttml_renamed.vtt", "('ttml_renamed.vtt') is TTML/DFXP"),
        ("subtitles.ass", "SSA/ASS"),
        ("word_document.vtt", "Word .docx"),
        ("nul_byte.vtt", "U+0000 (NUL)"),
        ("script_injection.vtt", "'<script>' is not an allowed tag"),
        ("attribute_injection.vtt", "has an HTML attribute"),
        ("bidi_override.srt", "Line 7: U+202E RIGHT-TO-LEFT OVERRIDE in column 1 is not allowed"),
        ("bidi_unbalanced.vtt", "Line 8: U+2067 RIGHT-TO-LEFT ISOLATE in column 1 is never closed"),
    ],
)
def test_rejection_message(name, fragment):
    with pytest.raises(SubtitleFileError) as raised:
        parse_corpus_file(name)
    assert fragment in str(raised.value) or any(
        fragment in issue.message for issue in raised.value.errors
    )


def test_srt_is_converted_to_webvtt_cues():
    result = parse_corpus_file("plain.srt")
    assert [cue.text for cue in result.cues] == [
        "Welcome to <i>PROTECT</i>.",
        "You are not alone.\nCall 112 &amp; ask for help.",
        "Help &lt;3 is near.",
    ]
    assert [cue.identifier for cue in result.cues] == ["", "", ""]
    assert result.cues[0].start_ms == 1000 and result.cues[1].end_ms == 6500


def test_note_style_and_region_blocks_are_dropped_but_settings_kept():
    result = parse_corpus_file("note_style_region.vtt")
    assert [cue.text for cue in result.cues] == ["Welcome to PROTECT.", "You are not alone."]
    assert result.cues[0].settings == "region:bottom"


def test_invalid_settings_are_dropped_and_valid_ones_kept():
    result = parse_corpus_file("invalid_settings.vtt")
    assert [cue.settings for cue in result.cues] == ["line:0 size:50%", "vertical:rl"]


def test_hours_may_be_omitted():
    result = parse_corpus_file("hours_omitted.vtt")
    assert [(cue.start_ms, cue.end_ms) for cue in result.cues] == [
        (1000, 3000),
        (3_598_000, 3_600_000),
    ]


def test_line_endings_and_byte_order_marks_give_the_same_cues():
    reference = parse_corpus_file("crlf.vtt").cues
    for name in ("bom_utf8.vtt", "cr_only.vtt", "utf32le_bom.vtt"):
        assert parse_corpus_file(name).cues == reference
    assert [cue.line for cue in parse_corpus_file("cr_only.vtt").cues] == [3, 6]


def test_unsorted_cues_come_back_sorted():
    result = parse_corpus_file("unsorted.vtt")
    assert [cue.start_ms for cue in result.cues] == [1000, 4000, 7000]
    assert result.warnings[0].line == 6


def test_wrong_script_does_not_also_flag_every_line_direction():
    result = parse_corpus_file("tigrinya_declared_arabic.vtt")
    [warning] = result.warnings
    assert "Ethiopic" in warning.message and "Arabic" in warning.message


def _timestamp(ms: int) -> str:
    return f"{ms // 3_600_000:02d}:{ms // 60_000 % 60:02d}:{ms // 1000 % 60:02d}.{ms % 1000:03d}"


def _generated_file(cue_count: int) -> bytes:
    parts = ["WEBVTT", ""]
    for number in range(cue_count):
        start = number * 3000
        parts += [
            f"{_timestamp(start)} --> {_timestamp(start + 2500)}",
            f"Cue number {number}, <i>spoken</i> slowly.",
            "",
        ]
    return "\n".join(parts).encode()


def test_a_file_over_the_cue_cap_is_rejected_with_the_cap_named():
    with pytest.raises(SubtitleFileError) as raised:
        parse_subtitles(_generated_file(100_000), max_bytes=50_000_000)
    [error] = raised.value.errors
    assert error.code == "too_many_cues"
    assert "100,000 cues" in error.message and f"the limit is {MAX_CUES:,}" in error.message


def test_a_file_at_the_cue_cap_is_accepted():
    result = parse_subtitles(_generated_file(MAX_CUES), language="en")
    assert len(result.cues) == MAX_CUES
    assert result.warnings == []
    assert result.cues[-1].start_ms == (MAX_CUES - 1) * 3000
