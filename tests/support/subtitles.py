"""Subtitle samples: the demo video's English cues as a WebVTT file and as StreamField blocks,
a French SubRip file that matches them, the bundled demo assets, and small helpers for the
subtitle engine's tests."""

from pathlib import Path

import pytest

from cms.issues import Issue
from cms.subtitles import SubtitleFileError, parse_subtitles

DEMO_ASSETS = Path(__file__).resolve().parents[2] / "protect/demo_assets"

# (start ms, end ms, text) of the video page factory's cues; ENGLISH_VTT holds the same.
ENGLISH_CUES = [
    (1000, 4000, "No One Has the Right to Hurt You"),
    (5000, 8500, "Sexual and gender-based violence is a violation of human rights."),
    (9000, 12000, "Who can be affected?"),
]
ENGLISH_VTT = b"""WEBVTT

00:00:01.000 --> 00:00:04.000
No One Has the Right to Hurt You

00:00:05.000 --> 00:00:08.500
Sexual and gender-based violence is a violation of human rights.

00:00:09.000 --> 00:00:12.000
Who can be affected?
"""
FRENCH_SRT = """1
00:00:01,000 --> 00:00:04,000
Personne n'a le droit de vous faire du mal

2
00:00:05,000 --> 00:00:08,500
La violence sexuelle et basée sur le genre est une violation des droits humains.

3
00:00:09,000 --> 00:00:12,000
Qui peut être touché ?
""".encode()


def cue_blocks(cues) -> list[dict]:
    """StreamField data for ``VideoPage.cues`` from (start ms, end ms, text) triples."""
    return [
        {"type": "cue", "value": {"start_ms": start, "end_ms": end, "text": text}}
        for start, end, text in cues
    ]


def spaced_cues(*texts, step_ms=1000, length_ms=899, first_ms=1) -> list[dict]:
    """One cue per text, ``step_ms`` apart: for tests where only the texts matter."""
    return cue_blocks(
        (first_ms + step_ms * n, first_ms + step_ms * n + length_ms, text)
        for n, text in enumerate(texts)
    )


def vtt(*blocks: str) -> bytes:
    return ("WEBVTT\n\n" + "\n\n".join(blocks) + "\n").encode()


def errors_of(data: bytes, **options) -> list[Issue]:
    with pytest.raises(SubtitleFileError) as raised:
        parse_subtitles(data, **options)
    return raised.value.errors


def warning_codes(data: bytes, **options) -> list[str]:
    return [issue.code for issue in parse_subtitles(data, **options).warnings]
