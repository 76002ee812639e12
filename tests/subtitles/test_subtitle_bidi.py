"""Bidi controls in cue text (``cms.bidi``): overrides and unbalanced embeddings or isolates
are errors with their line; balanced isolates and the marks RTL text needs are accepted."""

import pytest

from cms import bidi
from cms.subtitles import parse_subtitles
from tests.support.subtitles import errors_of, vtt

CUE = "00:00:01.000 --> 00:00:04.000\n"


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("Call \u202e0800 123 456", "U+202E RIGHT-TO-LEFT OVERRIDE in column 6 is not allowed"),
        ("\u202dabc\u202c", "U+202D LEFT-TO-RIGHT OVERRIDE in column 1 is not allowed"),
        ("\u202bعربي", "U+202B RIGHT-TO-LEFT EMBEDDING in column 1 is never closed"),
        ("\u2067عربي", "U+2067 RIGHT-TO-LEFT ISOLATE in column 1 is never closed"),
        ("x\u2069", "U+2069 POP DIRECTIONAL ISOLATE in column 2 closes nothing"),
        ("x\u202c", "U+202C POP DIRECTIONAL FORMATTING in column 2 closes nothing"),
        ("\u2066a\u202c", "cannot close U+2066 LEFT-TO-RIGHT ISOLATE (column 1)"),
        ("Call &#x202E;112", "U+202E RIGHT-TO-LEFT OVERRIDE"),  # a character reference
        ("Call &#8238;112", "U+202E RIGHT-TO-LEFT OVERRIDE"),
    ],
)
def test_refused_controls_are_errors_with_the_line(text, fragment):
    errors = errors_of(vtt(CUE + "first line\n" + text))
    assert errors[0].code == "bidi_control"
    assert errors[0].line == 5
    assert errors[0].message.startswith("Line 5: ")
    assert any(fragment in error.message for error in errors), errors


def test_an_isolate_must_close_on_its_own_line():
    errors = errors_of(vtt(CUE + "\u2067عربي\nend\u2069"))
    assert [(error.line, error.code) for error in errors] == [
        (4, "bidi_control"),
        (5, "bidi_control"),
    ]


def test_every_line_of_an_srt_file_is_checked():
    data = "1\n00:00:01,000 --> 00:00:02,000\nok\n\n2\n00:00:03,000 --> 00:00:04,000\n\u202eevil\n"
    [error] = errors_of(data.encode(), filename="x.srt")
    assert error.line == 7 and "U+202E" in error.message


@pytest.mark.parametrize(
    "text",
    [
        "مرحبا \u2066PROTECT\u2069 بكم",  # LRI … PDI
        "\u2067اتصلوا\u2069 \u2068+31 20 123 4567\u2069",  # RLI, FSI
        "\u202bعربي \u2066nested\u2069\u202c",  # embedding with an isolate inside
        "\u200fاتصلوا بالرقم 112\u200f",  # RLM
        "\u200eHello\u200e \u061c2024",  # LRM, ALM
        "&rlm;اتصلوا&lrm; &#x2067;x&#x2069;",  # marks and isolates written as references
    ],
)
def test_balanced_isolates_and_marks_are_accepted(text):
    [cue] = parse_subtitles(vtt(CUE + text), language="ar").cues
    assert cue.text


def test_rlm_survives_into_the_cue():
    [cue] = parse_subtitles(vtt(CUE + "\u200fمرحبا 112\u200f"), language="ar").cues
    assert "\u200f" in cue.text


def test_the_rule_itself():
    assert bidi.problems("plain text\nمرحبا") == []
    assert bidi.problems("a\u2066b\u2069\n\u2067c\u2069") == []
    [problem] = bidi.problems("ok\n\u202ex")
    assert (problem.line, problem.column) == (2, 1)
    assert bidi.summary("\u202ex\u202c") == (
        "Bidirectional control characters: U+202E RIGHT-TO-LEFT OVERRIDE in column 1 is not "
        "allowed: it reverses the text around it; use an isolate (U+2066…U+2069) or a mark "
        "(U+200E, U+200F)."
    )
    assert bidi.summary("fine\u200f") is None


def test_references_count_as_their_characters_everywhere():
    assert bidi.summary("Call &#x202E;112") is not None
    [problem] = bidi.problems("a&#10;b\nc\n&#x2067;d")
    assert problem.line == 3
