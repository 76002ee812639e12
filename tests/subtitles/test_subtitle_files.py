"""Whole-file rules on small inline files: size and cue caps, what is not a subtitle file,
encodings, and the warnings about the track as a whole (speed, direction, script)."""

import codecs

import pytest

from cms.subtitles import parse_subtitles
from tests.support.subtitles import errors_of, vtt, warning_codes


def test_too_large():
    [error] = errors_of(b"x" * 2_000_001, max_bytes=2_000_000)
    assert error.code == "too_large"
    assert "2.0 MB" in error.message


def test_too_many_cues_uses_the_given_cap():
    data = vtt(*(f"00:00:{n:02d}.000 --> 00:00:{n:02d}.500\nx" for n in range(10)))
    [error] = errors_of(data, max_cues=5)
    assert error.code == "too_many_cues" and "10 cues; the limit is 5" in error.message


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "no_cues"),
        (b"  \n\n", "no_cues"),
        (codecs.BOM_UTF8, "no_cues"),
        (b"WEBVTT\n\nNOTE nothing else\n", "no_cues"),
        (b"Just a transcript, no timings.\n", "unsupported_format"),
        (b"%PDF-1.7\n", "unsupported_format"),
        (b"\x00\x00\x00\x18ftypmp42" + bytes(100), "unsupported_format"),
        (b"Scenarist_SCC V1.0\n\n00:00:00:00\t9420\n", "unsupported_format"),
        (b"0:00:01.000,0:00:03.000\nHello\n", "unsupported_format"),
        (b"{1}{50}Hello\n", "unsupported_format"),
        (b"<SAMI><BODY></BODY></SAMI>", "unsupported_format"),
        (b"{\\rtf1\\ansi Hello}", "unsupported_format"),
        (codecs.BOM_UTF16_LE + b"\x00\xd8", "bad_encoding"),
        ("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nΚαλημέρα\n".encode("utf-16-be"), "not_utf8"),
    ],
)
def test_files_that_are_not_usable(data, code):
    [error] = errors_of(data)
    assert error.code == code


def test_not_utf8_names_the_encoding_and_the_line():
    data = vtt("00:00:01.000 --> 00:00:02.000\nПривет, как дела у всех сегодня?").decode()
    [error] = errors_of(data.encode("cp1251"), language="ru")
    assert error.line == 4
    assert "windows-1251 (Cyrillic)" in error.message


def test_utf8_bom_with_bad_bytes_is_not_decoded_anyway():
    [error] = errors_of(codecs.BOM_UTF8 + b"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n\xe9t\xe9\n")
    assert (error.code, error.line) == ("not_utf8", 4)


def test_replacement_character_is_flagged():
    data = vtt("00:00:01.000 --> 00:00:02.000\nd\ufffdj\ufffd vu")
    assert warning_codes(data) == ["replacement_character"]


def test_reading_speed_and_line_length_limits_are_parameters():
    data = vtt("00:00:01.000 --> 00:00:02.000\n<i>twelve chars</i>")
    assert warning_codes(data) == []
    assert warning_codes(data, max_chars_per_second=10) == ["reading_speed"]
    assert warning_codes(data, max_line_length=10) == ["line_length"]


def test_warnings_are_capped_per_code():
    blocks = [f"00:00:{n:02d}.000 --> 00:00:{n + 1:02d}.500\nx" for n in range(50)]
    warnings = parse_subtitles(vtt(*blocks)).warnings
    assert len(warnings) == 21
    assert warnings[-1].line is None and "29 more" in warnings[-1].message


def test_rtl_check_looks_past_neutral_characters_and_isolates():
    data = vtt(
        "00:00:01.000 --> 00:00:03.000\n- 112: اتصلوا الآن",
        "00:00:04.000 --> 00:00:06.000\n\u2066PROTECT\u2069 مشروع للحماية",
        "00:00:07.000 --> 00:00:09.000\n&rlm;PROTECT مشروع للحماية",
        "00:00:10.000 --> 00:00:12.000\n<i>PROTECT</i> مشروع للحماية",
    )
    result = parse_subtitles(data, language="fa")
    assert [(issue.code, issue.line) for issue in result.warnings] == [("rtl_starts_ltr", 13)]


def test_script_mismatch_needs_most_letters_in_another_script():
    mixed = vtt(
        "00:00:01.000 --> 00:00:04.000\nЗдравейте, това е PROTECT и Facebook.",
        "00:00:04.000 --> 00:00:06.000\nНие сме тук, за да помогнем.",
    )
    assert warning_codes(mixed, language="bg") == []
    assert warning_codes(mixed, language="el") == ["script_mismatch"]
    assert warning_codes(vtt("00:00:01.000 --> 00:00:03.000\nOK"), language="el") == []


def test_unknown_language_is_reported_and_region_subtags_are_understood():
    data = vtt("00:00:01.000 --> 00:00:03.000\nFacebook مشروع للحماية")
    assert warning_codes(data, language="xx") == ["unknown_language"]
    assert warning_codes(data, language="ar-SY") == ["rtl_starts_ltr"]
