"""The reading rules one by one, on small inline files."""

import pytest

from cms.subtitles import SubtitleFileError, parse_subtitles
from tests.support.subtitles import errors_of, vtt, warning_codes


@pytest.mark.parametrize(
    ("timestamp", "ms"),
    [
        ("00:00:01.000", 1000),
        ("01:02:03.004", 3_723_004),
        ("02:03.004", 123_004),  # hours omitted
        ("0:00:01.000", 1000),  # one-digit hours, as browsers read them
        ("100:00:00.000", 360_000_000),
    ],
)
def test_valid_timestamps(timestamp, ms):
    [cue] = parse_subtitles(vtt(f"{timestamp} --> 999:00:00.000\nx")).cues
    assert cue.start_ms == ms


@pytest.mark.parametrize(
    ("timestamp", "message"),
    [
        ("00:60:00.000", "minutes must be below 60 in '00:60:00.000'"),
        ("60:00.000", "minutes must be below 60 in '60:00.000'"),
        ("00:00:60.000", "seconds must be below 60 in '00:00:60.000'"),
        ("00:00:01.5", "milliseconds must have exactly 3 digits in '00:00:01.5'"),
        ("00:00:01.5000", "milliseconds must have exactly 3 digits"),
        ("00:00:01", "milliseconds are missing in '00:00:01' (write '00:00:01.000')"),
        ("00:0:01.000", "minutes must have 2 digits"),
        ("1:02.000", "minutes must have 2 digits"),
        ("00:00:01:12", "frame-based timecode"),
        ("00:00:0a.000", "'00:00:0a.000' is not a timestamp"),
    ],
)
def test_bad_timestamps_say_what_is_wrong(timestamp, message):
    [error] = errors_of(vtt(f"{timestamp} --> 999:00:00.000\nx"))
    assert (error.code, error.line) == ("bad_timestamp", 3)
    assert error.message == f"Line 3: {message}" or message in error.message


def test_both_bad_timestamps_of_a_line_are_reported():
    errors = errors_of(vtt("00:61:00.000 --> 00:00:61.000\nx"))
    assert [error.code for error in errors] == ["bad_timestamp", "bad_timestamp"]


def test_end_equal_to_start_is_an_error():
    [error] = errors_of(vtt("00:00:01.000 --> 00:00:01.000\nx"))
    assert error.code == "end_before_start"


def test_all_errors_are_collected_in_file_order():
    errors = errors_of(
        vtt(
            "00:00:01.000 --> 00:00:02.000\n<u onclick=x>one</u>",
            "00:00:03.000 --> 00:00:02.000\ntwo",
            "00:00:04.000 --> 00:00:05.000\nthree\x07",
        )
    )
    assert [(error.line, error.code) for error in errors] == [
        (4, "disallowed_tag"),
        (6, "end_before_start"),
        (10, "control_character"),
    ]


def test_error_string_shows_the_first_few():
    blocks = [f"00:00:0{n}.000 --> 00:00:0{n}.500\n<p>{n}</p>" for n in range(1, 4)]
    error = SubtitleFileError(errors_of(vtt(*blocks)))
    text = str(error)
    assert text.startswith("Line 4: '<p>' is not an allowed tag")
    assert text.endswith("(and 3 more)")


def test_errors_are_capped_with_a_count_of_the_rest():
    blocks = [f"00:00:{n:02d}.000 --> 00:00:{n:02d}.500\nx\x01" for n in range(59)]
    errors = errors_of(vtt(*blocks * 3))
    assert len(errors) == 101
    assert errors[-1].code == "too_many_errors" and "77 more" in errors[-1].message


@pytest.mark.parametrize(
    "text",
    [
        "<i>a</i> <b>b</b> <u>u</u> <c.yellow.bg_blue>c</c>",
        "<v Dr. Amina Yusuf>Hello</v> <v.loud Bob>hi",
        "<lang ar-SY>مرحبا</lang> <ruby>漢<rt>kan</rt></ruby>",
        "karaoke <00:00:01.500>timed <00:01.700>words",
        "&amp; &lt; &gt; &nbsp; &lrm; &rlm; &eacute; &#233; &#x202B;x&#x202C;",
    ],
)
def test_allowed_markup(text):
    [cue] = parse_subtitles(vtt(f"00:00:01.000 --> 00:00:02.000\n{text}")).cues
    assert cue.text == text


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("<script>alert(1)</script>", "disallowed_tag"),
        ("<img src=x onerror=alert(1)>", "disallowed_tag"),
        ('<i style="color:red">x</i>', "disallowed_tag"),
        ("<v onclick=alert(1)>x", "disallowed_tag"),
        ("<c onmouseover=x>x</c>", "disallowed_tag"),
        ("<I>shouting</I>", "disallowed_tag"),
        ("<br>", "disallowed_tag"),
        ("<lang>x</lang>", "disallowed_tag"),
        ("<00:00:1.000>x", "bad_timestamp"),
        ("a < b", "unclosed_tag"),
        ("null &#0; reference", "control_character"),
        ("bell \x07", "control_character"),
        ("C1 \x85 next line", "control_character"),
        ("vertical \x0b tab", "control_character"),
    ],
)
def test_rejected_markup(text, code):
    errors = errors_of(vtt(f"00:00:01.000 --> 00:00:02.000\n{text}"))
    assert {error.code for error in errors} == {code}
    assert errors[0].line == 4


def test_text_is_brought_to_canonical_form():
    [cue] = parse_subtitles(
        vtt("00:00:01.000 --> 00:00:02.000\n  Tom & Jerry > all  \n \t\nok")
    ).cues
    assert cue.text == "Tom &amp; Jerry &gt; all\nok"


def test_uppercase_tag_message_suggests_lower_case():
    [error] = errors_of(vtt("00:00:01.000 --> 00:00:02.000\n<B>x</b>"))
    assert "must be written in lower case" in error.message


def test_arrow_in_an_identifier_or_note_line_is_caught():
    errors = errors_of(vtt("NOTE a --> b", "00:00:01.000 --> 00:00:02.000\nx"))
    assert [(error.code, error.line) for error in errors] == [("arrow_in_text", 3)]


def test_timing_line_right_after_text_starts_a_new_cue():
    # Browsers read it so; the missing empty line is not worth rejecting the file.
    data = vtt("00:00:01.000 --> 00:00:02.000\none\n00:00:03.000 --> 00:00:04.000\ntwo")
    assert [cue.text for cue in parse_subtitles(data).cues] == ["one", "two"]


def test_srt_cue_without_empty_line_before_its_counter():
    data = b"1\n00:00:01,000 --> 00:00:02,000\none\n2\n00:00:03,000 --> 00:00:04,000\ntwo\n"
    result = parse_subtitles(data)
    assert result.source_format == "srt"
    assert [cue.text for cue in result.cues] == ["one", "two"]


def test_srt_keeps_a_stray_less_than_as_text():
    data = b"1\n00:00:01,000 --> 00:00:02,000\n<i>I</i> <3 you & a > b\n"
    [cue] = parse_subtitles(data).cues
    assert cue.text == "<i>I</i> &lt;3 you &amp; a &gt; b"


def test_srt_rejects_other_tags():
    errors = errors_of(b"1\n00:00:01,000 --> 00:00:02,000\n<script>x</script>\n")
    assert {error.code for error in errors} == {"disallowed_tag"}


def test_vtt_identifiers_are_kept():
    data = vtt("intro\n00:00:01.000 --> 00:00:02.000\nx", "NOTE\n00:00:03.000 --> 00:00:04.000\ny")
    assert [cue.identifier for cue in parse_subtitles(data).cues] == ["intro", "NOTE"]


def test_header_after_blank_lines_or_with_text_after_it():
    assert warning_codes(b"\n\nWEBVTT\n\n00:00:01.000 --> 00:00:02.000\nx\n") == ["fixed_header"]
    assert warning_codes(b"WEBVTT - PROTECT\nKind: captions\n\n00:01.000 --> 00:02.000\nx\n") == []
    assert warning_codes(b"WEBVTT:\n\n00:00:01.000 --> 00:00:02.000\nx\n") == ["fixed_header"]


def test_header_block_may_run_into_the_first_cue():
    data = b"WEBVTT\n00:00:01.000 --> 00:00:02.000\nx\n"
    assert len(parse_subtitles(data).cues) == 1


@pytest.mark.parametrize(
    ("settings", "kept"),
    [
        ("vertical:lr line:-2 position:10%,line-left size:80% align:end", None),
        ("line:50%,center region:top", None),
        ("align:middle", ""),
        ("line:abc position:50%", "position:50%"),
        ("size:100.5%", ""),
        ("align:start align:end", "align:end"),
    ],
)
def test_cue_settings(settings, kept):
    data = vtt(f"00:00:01.000 --> 00:00:02.000 {settings}\nx")
    result = parse_subtitles(data)
    expected = settings if kept is None else kept
    assert result.cues[0].settings == expected
    has_warning = "invalid_cue_settings" in {issue.code for issue in result.warnings}
    assert has_warning == (kept is not None)
