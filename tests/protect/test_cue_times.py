"""Issue 10.7: editors read and type cue times as mm:ss.mmm (hh:mm:ss.mmm from an hour on);
they are stored as milliseconds, as before (no data migration)."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.blocks import StructBlockValidationError
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, streamfield

from protect.models import VideoPage
from protect.models.video import CueBlock

pytestmark = pytest.mark.django_db

START = CueBlock().child_blocks["start_ms"]


def test_times_are_shown_and_typed_as_minutes_seconds_millis():
    assert START.get_form_state(61_500) == "01:01.500"
    assert START.get_form_state(3_723_004) == "01:02:03.004"
    assert START.value_from_datadict({"t": "01:01.500"}, {}, "t") == 61_500
    assert START.clean(START.value_from_datadict({"t": " 01:02:03.004 "}, {}, "t")) == 3_723_004
    assert START.get_prep_value(61_500) == 61_500  # stored as an int, as before


@pytest.mark.parametrize(
    "typed, message",
    [
        ("soon", "not a timestamp"),
        ("1:02.500", "minutes must have 2 digits"),
        ("1000", "not a timestamp"),
        ("01:02", "milliseconds are missing"),
        ("01:75.000", "seconds must be below 60"),
        ("00:01:02:12", "frame-based timecode"),
    ],
)
def test_a_malformed_time_says_how_to_write_it(typed, message):
    with pytest.raises(ValidationError) as error:
        START.clean(START.value_from_datadict({"t": typed}, {}, "t"))
    assert "mm:ss.mmm" in error.value.messages[0] and message in error.value.messages[0]


def test_end_before_start_is_still_refused():
    value = CueBlock().to_python({"start_ms": 5000, "end_ms": 4000, "text": "Hi", "settings": ""})
    with pytest.raises(StructBlockValidationError):
        CueBlock().clean(value)


def test_page_editor_round_trip_keeps_milliseconds(client, admin_user, video_page):
    client.force_login(admin_user)
    edit_url = f"/admin/pages/{video_page.pk}/edit/"
    form = querydict_from_html(client.get(edit_url).content.decode(), form_id="page-edit-form")
    data = {key: form.getlist(key) for key in form}
    cues = [
        ("cue", {"start_ms": "00:01.250", "end_ms": "00:04.000", "text": "One", "settings": ""}),
        (
            "cue",
            {"start_ms": "01:00:05.000", "end_ms": "01:00:08.5", "text": "Two", "settings": ""},
        ),
    ]
    data.update(nested_form_data({"cues": streamfield(cues)}))
    response = client.post(edit_url, data)
    assert response.status_code == 200  # refused: "01:00:08.5" lacks a millisecond digit
    assert "milliseconds must have exactly 3 digits" in response.content.decode()

    cues[1][1]["end_ms"] = "01:00:08.500"
    data.update(nested_form_data({"cues": streamfield(cues)}))
    assert client.post(edit_url, data).status_code == 302
    draft = VideoPage.objects.get(pk=video_page.pk).get_latest_revision_as_object()
    assert [(c.value["start_ms"], c.value["end_ms"]) for c in draft.cues] == [
        (1250, 4000),
        (3_605_000, 3_608_500),
    ]
    assert draft.cues.raw_data[0]["value"]["start_ms"] == 1250  # an int in the JSON
