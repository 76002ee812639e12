"""Issue 10.7: context for translators inside wagtail-localize's editor — human segment labels
and cue timecodes in the props its React app renders."""

import pytest
from wagtail_localize.operations import translate_object

from tests.factories import VideoPageFactory
from tests.support.editor import editor_props

pytestmark = pytest.mark.django_db


@pytest.fixture
def fr_video(home_page, fr_home, locales):
    video = VideoPageFactory(parent=home_page, slug="video")
    translate_object(video, [locales["fr"]])
    return video.get_translation(locales["fr"])


def test_editor_segments_carry_labels_and_cue_timecodes(client, users, fr_video):
    client.force_login(users["translator"])
    segments = [s for s in editor_props(client, fr_video)["segments"] if s["type"] == "string"]
    title = next(s for s in segments if s["contentPath"] == "title")
    assert title["location"]["label"] == "Title"
    cues = [s for s in segments if s["contentPath"].startswith("cues.")]
    assert [s["location"]["timecode"] for s in cues] == [
        "00:00:01.000 → 00:00:04.000",
        "00:00:05.000 → 00:00:08.500",
        "00:00:09.000 → 00:00:12.000",
    ]
    third = cues[2]["location"]
    assert third["label"].startswith("Cues › 3. ") and "-" not in third["label"]
    # The heading the editor prints above each segment: label and read-only timecode.
    assert third["subField"] == f"{third['label']} · 00:00:09.000 → 00:00:12.000"
