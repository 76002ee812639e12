"""Fixtures for the video page tests: a video with English cues, and helpers to translate it."""

import pytest

from home.demo.translation import translate_object
from tests.factories import VideoPageFactory


@pytest.fixture
def video_page(home_page):
    """A live English video page with three cues (the ones of ENGLISH_VTT)."""
    return VideoPageFactory(parent=home_page, slug="video")


@pytest.fixture
def translate(django_capture_on_commit_callbacks, admin_user):
    """Translate and publish objects through wagtail-localize with the demo phrasebook."""

    def run(*objects, only=None):
        # One commit per object, as load_demo_content does: wagtail-localize publishes on commit,
        # and publishing a parent from a stale instance after its child was added would reset
        # the parent's child count.
        for obj in objects:
            with django_capture_on_commit_callbacks(execute=True):
                translate_object(obj, admin_user, only=only)

    return run
