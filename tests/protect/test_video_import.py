"""The import service: source files replace cues, target files fill translations, rejects change
nothing."""

import pytest
from wagtail_localize.models import StringTranslation, Translation

from cms.translation.models import TaskState, TranslationTask
from protect.models import SubtitleImport, VideoPage
from protect.services import SubtitleImportError, import_subtitles
from tests.support.subtitles import ENGLISH_VTT, FRENCH_SRT

pytestmark = pytest.mark.django_db


def _stored(page):
    page = VideoPage.objects.get(pk=page.pk)
    return [item["id"] for item in page.cues.raw_data], page.get_cues()


def _texts(page):
    return [cue.text for cue in VideoPage.objects.get(pk=page.pk).get_cues()]


def _french_strings():
    return sorted(
        StringTranslation.objects.filter(locale__language_code="fr").values_list("data", flat=True)
    )


def test_source_import_replaces_cues_sorted_keeps_ids_and_stores_warnings(video_page, admin_user):
    ids_before = [item["id"] for item in video_page.cues.raw_data]
    upload = b"""WEBVTT

00:00:09.000 --> 00:00:12.000
Who can be affected?

00:00:01.000 --> 00:00:04.000
No One Has the Right to Hurt You

NOTE dropped from the output

00:00:20.000 --> 00:00:40.000 align:center bogus:1
A cue that runs past the end of the 32-second video.
"""
    result = import_subtitles(
        video_page, "en", upload, filename="en.vtt", user=admin_user, publish=True
    )

    page = VideoPage.objects.get(pk=video_page.pk)
    assert result.published and result.replaced_source and result.cue_count == 3
    assert [(c.start_ms, c.end_ms) for c in page.get_cues()] == [
        (1000, 4000), (9000, 12000), (20000, 40000)
    ]  # fmt: skip
    assert [item["value"]["start_ms"] for item in page.cues.raw_data] == [1000, 9000, 20000]
    # Unchanged cues keep their block ids, so their translations survive.
    assert page.cues.raw_data[0]["id"] == ids_before[0]
    assert page.cues.raw_data[1]["id"] == ids_before[2]
    assert page.cues.raw_data[2]["value"]["settings"] == "align:center"
    codes = {w.code for w in result.warnings}
    assert {"unsorted", "after_video_end", "invalid_cue_settings"} <= codes
    record = SubtitleImport.objects.get(translation_key=page.translation_key)
    assert record.file_name == "en.vtt" and record.cue_count == 3
    assert {w["code"] for w in record.warnings} == codes
    assert record.imported_by == admin_user


def test_source_import_without_publish_is_a_draft(video_page):
    result = import_subtitles(video_page, "en", ENGLISH_VTT.replace(b"affected", b"hurt"))
    assert not result.published and "draft" in result.note
    assert _texts(video_page)[2] == "Who can be affected?"  # live content unchanged
    draft = VideoPage.objects.get(pk=video_page.pk).get_latest_revision_as_object()
    assert draft.get_cues()[2].text == "Who can be hurt?"


@pytest.mark.parametrize(
    ("data", "code", "line"),
    [
        (b"\xef\xbb\xbfWEBVTT\n\n00:00:01.000 --> 00:00:04.000\nfine\n\n"
         b"00:61:00.000 --> 00:62:00.000\nbad minutes\n", "bad_timestamp", 6),
        (b"WEBVTT\n\n00:00:05.000 --> 00:00:04.000\nbackwards\n", "end_before_start", 3),
        ('WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nقل\n'.encode("cp1256"), "not_utf8", None),
        (b'<?xml version="1.0"?><tt xmlns="http://www.w3.org/ns/ttml"></tt>', "unsupported_format",
         None),
        (b"WEBVTT\n", "no_cues", None),
        ("WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n\u2067قل\n".encode(), "bidi_control", 4),
    ],
)  # fmt: skip
def test_rejected_file_changes_nothing(video_page, data, code, line):
    before = _stored(video_page)
    revisions = video_page.revisions.count()
    with pytest.raises(SubtitleImportError) as caught:
        import_subtitles(video_page, "en", data, filename="upload.vtt", publish=True)
    first = caught.value.errors[0]
    assert first.code == code, caught.value.errors
    if line:
        assert first.line == line and f"Line {line}" in first.message
    assert _stored(video_page) == before
    assert video_page.revisions.count() == revisions
    assert not SubtitleImport.objects.exists()


def test_not_utf8_names_the_likely_encoding(video_page):
    data = "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nلا يحق لأحد أن يؤذيك\n".encode("cp1256")
    with pytest.raises(SubtitleImportError) as caught:
        import_subtitles(video_page, "ar", data)
    assert "1256" in str(caught.value)


def test_unknown_language_is_rejected(video_page):
    with pytest.raises(SubtitleImportError, match="'xx' is not one of the site's languages"):
        import_subtitles(video_page, "xx", ENGLISH_VTT)


def test_target_import_saves_a_draft_and_sends_it_to_review(
    video_page, translate, admin_user, django_capture_on_commit_callbacks
):
    translate(video_page.get_parent().specific, video_page, only=["fr"])
    french = VideoPage.objects.get(
        translation_key=video_page.translation_key, locale__language_code="fr"
    )
    live_before = _texts(french)
    with django_capture_on_commit_callbacks(execute=True):
        result = import_subtitles(
            video_page, "fr", FRENCH_SRT, filename="fr.srt", user=admin_user, publish=True
        )
    # Never published from the upload: a draft, and the task waits for review.
    assert not result.published and result.source_format == "srt"
    assert "review" in result.note
    french.refresh_from_db()
    assert _texts(french) == live_before and french.has_unpublished_changes
    draft = french.get_latest_revision_as_object()
    assert [cue.text for cue in draft.get_cues()] == [
        "Personne n'a le droit de vous faire du mal",
        "La violence sexuelle et basée sur le genre est une violation des droits humains.",
        "Qui peut être touché ?",
    ]
    # Timings come from the source, whatever the file said.
    assert [(c.start_ms, c.end_ms) for c in draft.get_cues()] == [
        (c.start_ms, c.end_ms) for c in video_page.get_cues()
    ]
    task = TranslationTask.objects.get(
        translation__target_locale__language_code="fr", source__object_id=video_page.translation_key
    )
    assert task.state == TaskState.NEEDS_REVIEW and task.segments_remaining == 0
    assert StringTranslation.objects.filter(
        locale__language_code="fr", data="Qui peut être touché ?", last_translated_by=admin_user
    ).exists()


def test_target_import_of_an_untranslated_page_waits_in_the_translation_editor(video_page):
    result = import_subtitles(video_page, "fr", FRENCH_SRT, publish=True)
    assert not result.published
    assert "title" in result.note  # the page's other texts still need translating
    assert Translation.objects.filter(target_locale__language_code="fr").exists()
    assert "Qui peut être touché ?" in _french_strings()
    assert not VideoPage.objects.get(locale__language_code="fr").live  # a draft only


def test_target_timing_mismatch_names_the_first_cue_and_changes_nothing(video_page):
    import_subtitles(video_page, "fr", FRENCH_SRT)
    before = _french_strings()
    shifted = FRENCH_SRT.replace(b"00:00:05,000 --> 00:00:08,500", b"00:00:05,000 --> 00:00:09,500")
    shifted = shifted.replace(b"du mal", b"DU MAL")
    with pytest.raises(SubtitleImportError) as caught:
        import_subtitles(video_page, "fr", shifted)
    message = str(caught.value)
    assert "Cue 2 (line 6)" in message and "00:00:08.500" in message and "English" in message
    assert _french_strings() == before


def test_target_count_mismatch_names_the_missing_cue(video_page):
    two_cues = FRENCH_SRT.split(b"\n\n3\n")[0] + b"\n"
    with pytest.raises(SubtitleImportError) as caught:
        import_subtitles(video_page, "fr", two_cues)
    assert caught.value.errors[0].code == "cue_count_mismatch"
    assert "2 cues but the English source has 3: cue 3 of the source" in str(caught.value)
    assert not StringTranslation.objects.exists()


def test_target_small_frame_rounding_is_accepted(video_page):
    nudged = FRENCH_SRT.replace(b"00:00:01,000 --> 00:00:04,000", b"00:00:01,010 --> 00:00:03,990")
    result = import_subtitles(video_page, "fr", nudged)
    assert result.cue_count == 3
