"""Issue 10.1: every way text enters a translation goes through ``services.writing``: the user's
locale rights are checked, the task is recounted once, nothing is published."""

import polib
import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail_localize.models import StringSegment, StringTranslation
from wagtail_localize.operations import translate_object

from cms.translation import machine
from cms.translation.exchange.importer import import_upload
from cms.translation.models import TaskState, TaskTransition, TranslationTask
from cms.translation.services import writing
from home.demo.translation import fill_strings
from protect.models import VideoPage
from protect.services import import_subtitles
from tests.factories import VideoPageFactory
from tests.support.subtitles import FRENCH_SRT

pytestmark = pytest.mark.django_db


def _segment(task, path="title"):
    return StringSegment.objects.select_related("string", "context").get(
        source_id=task.source_id, context__path=path
    )


def _edit_url(task, segment):
    return (
        f"/admin/localize/translate/{task.translation_id}/strings/{segment.pk}/edit/"  # stock URL
    )


def test_editor_save_counts_once_and_refuses_other_locales(client, submitted, users):
    task, segment = submitted["fr"], _segment(submitted["fr"])
    client.force_login(users["translator"])
    response = client.put(
        _edit_url(task, segment), "value=Connaître vos droits", "application/x-www-form-urlencoded"
    )
    assert response.status_code == 201, response.content
    assert response.json()["data"] == "Connaître vos droits"
    task.refresh_from_db()
    assert task.state == TaskState.IN_PROGRESS
    assert task.segments_remaining == task.segments_total - 1
    assert task.last_translator == users["translator"]
    assert task.translation.get_target_instance().draft_title == "Connaître vos droits"
    # The Spanish team cannot write French.
    client.force_login(users["outsider"])
    refused = client.put(_edit_url(task, segment), "value=x", "application/x-www-form-urlencoded")
    assert refused.status_code == 403
    assert StringTranslation.objects.get(locale_id=task.target_locale_id).data == (
        "Connaître vos droits"
    )


def test_editor_clear_recounts(client, submitted, users):
    task, segment = submitted["fr"], _segment(submitted["fr"])
    writing.write_strings(
        task.translation, {segment: "Vos droits"}, users["translator"], origin="x"
    )
    client.force_login(users["translator"])
    response = client.delete(_edit_url(task, segment))
    assert response.status_code == 200
    task.refresh_from_db()
    assert task.segments_remaining == task.segments_total
    assert not StringTranslation.objects.exists()


def test_one_write_is_one_recount_and_one_transition(
    submitted, users, django_assert_max_num_queries
):
    task = submitted["fr"]
    segments = StringSegment.objects.filter(source_id=task.source_id).select_related("context")
    before = TaskTransition.objects.filter(task=task).count()
    with django_assert_max_num_queries(25):
        result = writing.write_strings(
            task.translation,
            {segment: f"FR {segment.pk}" for segment in segments},
            users["translator"],
            origin=writing.Origin.EDITOR,
        )
    assert result.created == len(segments) and result.task.segments_remaining == 0
    assert TaskTransition.objects.filter(task=task).count() == before + 1


def test_editor_po_upload_goes_through_the_importer(client, submitted, users):
    task = submitted["fr"]
    po = task.translation.export_po()
    for entry in po:
        entry.msgstr = "FR " + entry.msgid
    client.force_login(users["translator"])
    response = client.post(
        f"/admin/localize/translate/{task.translation_id}/pofile/upload/?next=/admin/",
        {"file": SimpleUploadedFile("fr.po", str(po).encode())},
    )
    assert response.status_code == 302 and response["Location"] == "/admin/"
    task.refresh_from_db()
    assert task.segments_remaining == 0 and task.state == TaskState.IN_PROGRESS
    assert set(StringTranslation.objects.values_list("tool_name", flat=True)) == {"PO file"}
    for entry in po:
        entry.msgstr = "ES " + entry.msgid
    client.force_login(users["outsider"])
    client.post(
        f"/admin/localize/translate/{task.translation_id}/pofile/upload/",
        {"file": SimpleUploadedFile("fr.po", str(po).encode())},
    )  # Wagtail's admin turns the refusal into a redirect with a message
    assert not StringTranslation.objects.filter(data__startswith="ES ").exists()


def test_exchange_import_refuses_another_teams_file(submitted, users):
    po = submitted["fr"].translation.export_po()
    for entry in po:
        entry.msgstr = "FR " + entry.msgid
    with pytest.raises(Exception, match="no translation you may work on"):
        import_upload("fr.po", str(polib.pofile(str(po))).encode(), users["outsider"])
    assert not StringTranslation.objects.exists()


def test_machine_translation_checks_rights_and_never_publishes(submitted, users):
    task = submitted["fr"]
    with pytest.raises(PermissionDenied):
        machine.pretranslate(task, users["outsider"])
    assert not StringTranslation.objects.exists()
    filled = machine.pretranslate(task, users["translator"])
    task.refresh_from_db()
    assert filled == task.segments_total and task.state == TaskState.MACHINE_DRAFT
    assert task.machine_segments == filled
    assert not task.translation.get_target_instance().live


def test_editor_machine_translate_endpoint_uses_the_service(client, submitted, users):
    task = submitted["fr"]
    client.force_login(users["translator"])
    response = client.post(
        f"/admin/localize/translate/{task.translation_id}/machine_translate/?next=/admin/"
    )
    assert response.status_code == 302
    task.refresh_from_db()
    assert task.state == TaskState.MACHINE_DRAFT and task.segments_remaining == 0


def test_demo_fill_goes_through_the_service(submitted):
    task = submitted["fr"]
    fill_strings(task.translation, None, overrides={"title": "Vos droits"})
    task.refresh_from_db()
    assert task.segments_remaining == 0 and task.state == TaskState.IN_PROGRESS
    assert StringTranslation.objects.filter(data="Vos droits").exists()


def test_segments_of_another_source_are_refused(submitted):
    other = StringSegment(pk=0, source_id=-1, string_id=1, context_id=1)
    with pytest.raises(ValueError, match="not part of"):
        writing.write_strings(submitted["fr"].translation, {other: "x"}, None, origin="demo")
    assert not StringTranslation.objects.exists()


def test_subtitle_upload_by_a_translator_who_may_not_publish(home_page, fr_home, users, locales):
    video = VideoPageFactory(parent=home_page, slug="video")
    translate_object(video, [locales["fr"]])
    title = {"title": "Personne n'a le droit", "intro": "Intro", "description": "Desc"}
    task = TranslationTask.objects.get(
        target_locale=locales["fr"], source__object_id=video.translation_key
    )
    fill_strings(task.translation, None, overrides=title)
    with pytest.raises(PermissionDenied):
        import_subtitles(video, "fr", FRENCH_SRT, user=users["outsider"])
    result = import_subtitles(video, "fr", FRENCH_SRT, user=users["translator"], publish=True)
    task.refresh_from_db()
    assert not result.published and task.state == TaskState.NEEDS_REVIEW
    french = VideoPage.objects.get(translation_key=video.translation_key, locale=locales["fr"])
    assert not french.live
    assert french.get_latest_revision_as_object().get_cues()[2].text == "Qui peut être touché ?"
    # Nor may a translator replace the source language's cues.
    with pytest.raises(PermissionDenied):
        import_subtitles(video, "en", FRENCH_SRT, user=users["translator"])
