"""Fixtures for the video page tests: a video with English cues, and helpers to translate it."""

from pathlib import Path

import pytest

from protect.models import VideoPage

DEMO_VIDEO = Path(__file__).resolve().parents[2] / "protect/demo_assets"
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


def _cue(start_ms: int, end_ms: int, text: str) -> dict:
    return {"type": "cue", "value": {"start_ms": start_ms, "end_ms": end_ms, "text": text}}


@pytest.fixture
def video_page(home_page):
    """A live English video page with three cues (the ones of ENGLISH_VTT)."""
    page = VideoPage(
        title="No One Has the Right to Hurt You",
        slug="video",
        description="IOM's awareness video.",
        video_url="https://media.example.org/no-one.mp4",
        duration_seconds=32,
        cues=[
            _cue(1000, 4000, "No One Has the Right to Hurt You"),
            _cue(5000, 8500, "Sexual and gender-based violence is a violation of human rights."),
            _cue(9000, 12000, "Who can be affected?"),
        ],
    )
    home_page.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def translate(django_capture_on_commit_callbacks, admin_user):
    """Translate and publish objects through wagtail-localize with the demo phrasebook."""
    from home.demo.translation import translate_object

    def run(*objects, only=None):
        # One commit per object, as load_demo_content does: wagtail-localize publishes on commit,
        # and publishing a parent from a stale instance after its child was added would reset
        # the parent's child count.
        for obj in objects:
            with django_capture_on_commit_callbacks(execute=True):
                translate_object(obj, admin_user, only=only)

    return run
