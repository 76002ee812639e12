"""Issue 10.7: translators see block and field names instead of ``body.<uuid>…`` paths, and
each subtitle cue's timecodes (read-only) beside it."""

import pytest
from django.urls import reverse
from wagtail_localize.operations import translate_object

from cms.translation.exchange.units import units_for
from cms.translation.models import TranslationTask
from tests.factories import VideoPageFactory

pytestmark = pytest.mark.django_db


def test_cues_and_fields_get_human_labels_and_timecodes(
    client, admin_user, home_page, fr_home, locales
):
    video = VideoPageFactory(parent=home_page, slug="video")
    translate_object(video, [locales["fr"]])
    task = TranslationTask.objects.get(source__object_id=video.translation_key)
    notes = {unit.id: unit.notes for unit in units_for(task)}
    assert notes["title"]["label"] == "Title"
    cue_paths = [path for path in notes if path.startswith("cues.")]
    assert [notes[path]["timecode"] for path in cue_paths] == [
        "00:00:01.000 → 00:00:04.000",
        "00:00:05.000 → 00:00:08.500",
        "00:00:09.000 → 00:00:12.000",
    ]
    assert notes[cue_paths[2]]["label"].startswith("Cues › 3. ")
    assert "-" not in notes[cue_paths[2]]["label"]  # no block uuid left
    client.force_login(admin_user)
    html = client.get(reverse("translation_queue:task", args=[task.pk])).content.decode()
    assert '<small class="cue-timecode" dir="ltr">00:00:09.000 → 00:00:12.000</small>' in html
