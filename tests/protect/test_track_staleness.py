"""Issue 10.5: tracks whose source changed are marked everywhere (the 23-language table, the
partner API's ``outdated``), and target files are checked against the source's latest
revision."""

import pytest
from django.urls import reverse

from cms.translation.models import TranslationTask
from protect.models import VideoPage
from protect.selectors import track_statuses
from protect.services import SubtitleImportError, import_subtitles
from tests.support.subtitles import ENGLISH_VTT, FRENCH_SRT

pytestmark = pytest.mark.django_db

TWO_CUES = ENGLISH_VTT.split(b"\n\n00:00:09.000")[0] + b"\n"
FRENCH_TWO_CUES = FRENCH_SRT.split(b"\n\n3\n")[0] + b"\n"


def _api_tracks(client, page):
    response = client.get(f"/api/partner/v1/videos/{page.pk}/")
    assert response.status_code == 200, response.content
    return {track["srclang"]: track for track in response.json()["tracks"]}


def _row(page, code):
    return next(row for row in track_statuses(page) if row.language.code == code)


@pytest.fixture
def french_video(video_page, translate):
    translate(video_page.get_parent().specific, video_page, only=["fr"])
    return video_page


def test_source_change_marks_tracks_outdated_until_updated(
    client, french_video, admin_user, django_capture_on_commit_callbacks
):
    assert _api_tracks(client, french_video)["fr"]["outdated"] is False
    assert _row(french_video, "fr").changed_cues == 0
    with django_capture_on_commit_callbacks(execute=True):
        import_subtitles(french_video, "en", TWO_CUES, user=admin_user, publish=True)
    tracks = _api_tracks(client, french_video)
    assert tracks["fr"]["outdated"] is True and tracks["fr"]["cue_count"] == 3
    assert tracks["en"]["outdated"] is False and tracks["en"]["cue_count"] == 2
    assert _row(french_video, "fr").changed_cues == 1
    client.force_login(admin_user)
    table = client.get(reverse("protect_subtitles", args=[french_video.pk])).content.decode()
    assert "Outdated · 1 cue differs" in table
    # The translation is updated (a 2-cue French file) and published: no longer outdated.
    with django_capture_on_commit_callbacks(execute=True):
        import_subtitles(french_video, "fr", FRENCH_TWO_CUES, user=admin_user)
    task = TranslationTask.objects.get(
        source__object_id=french_video.translation_key, target_locale__language_code="fr"
    )
    with django_capture_on_commit_callbacks(execute=True):
        task.translation.save_target(publish=True)  # what the review's publish does at the end
    assert _api_tracks(client, french_video)["fr"]["outdated"] is False
    assert _row(french_video, "fr").changed_cues == 0


def test_target_file_is_checked_against_the_source_draft(french_video, admin_user):
    import_subtitles(french_video, "en", TWO_CUES, user=admin_user)  # a draft only
    # The old (live) timings no longer match the draft: the mismatch names the draft's cues.
    with pytest.raises(SubtitleImportError) as caught:
        import_subtitles(french_video, "fr", FRENCH_SRT, user=admin_user)
    assert caught.value.errors[0].code == "cue_count_mismatch"
    # A file matching the draft is refused with what to publish first.
    with pytest.raises(SubtitleImportError) as caught:
        import_subtitles(french_video, "fr", FRENCH_TWO_CUES, user=admin_user)
    [error] = caught.value.errors
    assert error.code == "source_not_published"
    assert "publish the English page first" in error.message
    french = VideoPage.objects.get(locale__language_code="fr")
    assert len(french.get_latest_revision_as_object().get_cues()) == 3  # nothing changed
