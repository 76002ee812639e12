"""The writers: WebVTT that reads back to the same cues (here and in webvtt-py), SRT for
editors' tools and plain-text transcripts."""

import random
from pathlib import Path

import pytest
import webvtt

from cms.subtitles import (
    Cue,
    SubtitleFileError,
    parse_subtitles,
    render_srt,
    render_transcript,
    render_vtt,
)

CORPUS = Path(__file__).with_name("corpus")


def _accepted_corpus():
    for path in sorted(CORPUS.iterdir()):
        language = "ar" if "arab" in path.name else None
        try:
            yield pytest.param(parse_subtitles(path.read_bytes(), language=language), id=path.name)
        except SubtitleFileError:
            continue


def assert_well_formed(rendered: str) -> None:
    assert rendered.startswith("WEBVTT\n")
    assert "\r" not in rendered
    assert not rendered.startswith("\ufeff")
    rendered.encode("utf-8")


def assert_reads_back(rendered: str, cues: list[Cue]) -> None:
    """The same cues from our parser and from webvtt-py in strict mode."""
    assert parse_subtitles(rendered.encode()).cues == cues
    captions = webvtt.from_string(rendered, strict=True).captions
    assert len(captions) == len(cues)
    for caption, cue in zip(captions, cues, strict=True):
        assert caption.start_time.in_milliseconds() == cue.start_ms
        assert caption.end_time.in_milliseconds() == cue.end_ms
        assert caption.raw_text == cue.text
        assert (caption.identifier or "") == cue.identifier
        assert str(caption.settings) == cue.settings


@pytest.mark.parametrize("result", list(_accepted_corpus()))
def test_corpus_round_trip(result):
    rendered = render_vtt(result.cues)
    assert_well_formed(rendered)
    assert_reads_back(rendered, result.cues)
    assert "NOTE" not in rendered and "STYLE" not in rendered


def test_render_vtt_layout():
    cues = [
        Cue(61_000, 62_500, "Hello", identifier="greeting", settings="align:start"),
        Cue(3_600_000, 3_601_000, "Bye\n<i>now</i>"),
    ]
    assert render_vtt(cues) == (
        "WEBVTT\n\n"
        "greeting\n00:01:01.000 --> 00:01:02.500 align:start\nHello\n\n"
        "01:00:00.000 --> 01:00:01.000\nBye\n<i>now</i>\n"
    )


def test_render_vtt_makes_any_text_safe():
    cue = Cue(
        1000,
        2000,
        "a --> b\n\n\nTom & Jerry <3\r\n<script>x</script> <b onclick=x>y</b>\x00\n   ",
        settings="align:middle line:0",
        identifier="id --> bad",
    )
    rendered = render_vtt([cue])
    assert rendered == (
        "WEBVTT\n\n"
        "00:00:01.000 --> 00:00:02.000 line:0\n"
        "a --&gt; b\n"
        "Tom &amp; Jerry &lt;3\n"
        "&lt;script&gt;x&lt;/script&gt; &lt;b onclick=x&gt;y</b>\n"
    )
    assert_reads_back(rendered, parse_subtitles(rendered.encode()).cues)


def test_render_vtt_sorts_cues_and_refuses_impossible_times():
    late, early = Cue(5000, 6000, "late"), Cue(1000, 2000, "early")
    assert render_vtt([late, early]).index("early") < render_vtt([late, early]).index("late")
    with pytest.raises(ValueError):
        render_vtt([Cue(2000, 2000, "zero length")])
    with pytest.raises(ValueError):
        render_vtt([Cue(-1, 2000, "before zero")])


def test_render_vtt_marks_rtl_lines_that_start_left_to_right():
    cues = [Cue(1000, 3000, "Facebook هو مكان\nمرحبا Facebook")]
    rendered = render_vtt(cues, language="ar")
    assert "&rlm;Facebook هو مكان\nمرحبا Facebook\n" in rendered
    result = parse_subtitles(rendered.encode(), language="ar")
    assert "rtl_starts_ltr" not in {issue.code for issue in result.warnings}
    assert render_vtt(cues, language="en") == render_vtt(cues)


def test_render_srt():
    cues = [
        Cue(1000, 2500, "<v Amina>Hello <c.yellow>my</c> <i.loud>friend</i>"),
        Cue(3_723_004, 3_724_000, "Tom &amp; Jerry &lt;3\nA --&gt; B &nbsp;x"),
    ]
    assert render_srt(cues) == (
        "1\n00:00:01,000 --> 00:00:02,500\nHello my <i>friend</i>\n\n"
        "2\n01:02:03,004 --> 01:02:04,000\nTom & Jerry <3\nA -- > B \xa0x\n"
    )
    assert render_srt([]) == ""


def test_render_srt_reads_back_as_srt():
    original = parse_subtitles((CORPUS / "plain.srt").read_bytes())
    again = parse_subtitles(render_srt(original.cues).encode())
    assert again.source_format == "srt"
    assert [(cue.start_ms, cue.end_ms) for cue in again.cues] == [
        (cue.start_ms, cue.end_ms) for cue in original.cues
    ]


def test_render_transcript():
    cues = [
        Cue(1000, 2000, "<v Amina>Where is the <i>centre</i>?"),
        Cue(2000, 3000, "Where is the centre?\nIt is &lt;here&gt; &amp; &lrm;open."),
        Cue(3000, 4000, "It is <here> & open."),
        Cue(4000, 5000, "It is &lt;here&gt; &amp; open."),
        Cue(5000, 6000, "Line&nbsp;one\nline two"),
    ]
    assert render_transcript(cues) == (
        "Where is the centre?\n\nIt is <here> & open.\n\nLine one line two\n"
    )
    assert render_transcript([]) == ""


# Pieces that have broken subtitle files: arrows, brackets, ampersands, blank lines, bidi text.
_PIECES = [
    "-->",
    "--",
    ">",
    "<",
    "&",
    "&amp;",
    "&lt;",
    "&#0;",
    "&#x202B;x&#x202C;",
    "&bogus;",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    " ",
    "\t",
    "مرحبا",
    "שלום",
    "Hello",
    "ትግርኛ",
    "<i>",
    "</i>",
    "<b>",
    "<c.red>",
    "<v Bob>",
    "<v a-->",
    "<lang ar>",
    "<script>",
    "<b onclick=x>",
    "<00:00:01.000>",
    "<00:99:01.000>",
    "NOTE",
    "STYLE",
    "WEBVTT",
    "00:00:01.000 --> 00:00:02.000",
    "\x00",
    "\x1b",
    "\x85",
    "\ufeff",
    "&lrm;",
    "{\\an8}",
    "1",
    "\u200f",
    "<font color=red>",
    "</font>",
    "<>",
    "</>",
    "<i.>",
    "&nbsp",
    "\u2028",
]
_SETTINGS = ["", "align:start", "line:0", "line:-1,end", "position:50%", "size:101%", "bad", "x:y"]


def _random_text(rng: random.Random) -> str:
    return "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 12)))


def test_random_cue_text_cannot_break_the_file():
    rng = random.Random(20240517)
    for _ in range(300):
        cues = []
        start = 0
        for _ in range(rng.randint(1, 5)):
            start += rng.randint(0, 5000)
            cues.append(
                Cue(
                    start,
                    start + rng.randint(1, 8000),
                    _random_text(rng),
                    settings=" ".join(rng.sample(_SETTINGS, 2)),
                    identifier=rng.choice(["", "7", "NOTE", _random_text(rng)]),
                )
            )
        rendered = render_vtt(cues, language=rng.choice([None, "ar", "en"]))
        assert_well_formed(rendered)
        parsed = parse_subtitles(rendered.encode(), max_chars_per_second=1e9)
        assert len(parsed.cues) == len(cues)
        assert_reads_back(render_vtt(parsed.cues), parsed.cues)
        assert render_vtt(parsed.cues) == render_vtt(parse_subtitles(rendered.encode()).cues)
