"""Issue 10.7: context for translators inside wagtail-localize's editor — human segment labels
and cue timecodes in the props its React app renders."""

import html
import json

import pytest
from django.urls import reverse
from wagtail_localize.operations import translate_object

from tests.factories import VideoPageFactory

pytestmark = pytest.mark.django_db


def editor_props(client, target):
    response = client.get(reverse("wagtailadmin_pages:edit", args=[target.pk]))
    assert response.status_code == 200
    page = response.content.decode()
    assert "js-translation-editor" in page  # wagtail-localize's editor, not the page form
    return json.loads(html.unescape(page.split('data-props="', 1)[1].split('"', 1)[0]))


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
