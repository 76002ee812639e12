"""Editors' side: the Subtitles view and panel, uploads, downloads, permissions, video files."""

import pytest
from django.contrib.auth.models import Permission
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, streamfield

from protect.blocks import format_cue_time
from protect.models import VideoPage
from protect.models.video import validate_video_file
from protect.services import import_subtitles
from tests.support.subtitles import DEMO_ASSETS, ENGLISH_VTT, FRENCH_SRT

pytestmark = pytest.mark.django_db


def _url(page, suffix=""):
    return f"/admin/videos/{page.pk}/subtitles/{suffix}"


@pytest.fixture
def editor(client, admin_user):
    client.force_login(admin_user)
    return client


def test_subtitles_view_shows_all_23_languages(editor, video_page):
    import_subtitles(video_page, "fr", FRENCH_SRT, filename="fr.srt")
    response = editor.get(_url(video_page))
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<tr data-language=") == 23
    assert '<tr data-language="en" data-state="published">' in html
    assert '<tr data-language="fr" data-state="in_translation">' in html
    assert '<tr data-language="ar" data-state="missing">' in html
    assert "3 of 3 translated" in html
    assert "fr.srt" in html and "warning" in html  # the French file's stored warnings
    assert _url(video_page, "fr.srt") in html


def test_edit_view_has_the_subtitles_panel(editor, video_page):
    response = editor.get(f"/admin/pages/{video_page.pk}/edit/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Upload or download subtitles" in html
    assert html.count("<tr data-language=") == 23
    # The page explorer offers the Subtitles view among the video page's actions.
    listing = editor.get(f"/admin/pages/{video_page.get_parent().pk}/").content.decode()
    assert f'href="{_url(video_page)}"' in listing


def test_upload_replaces_source_cues(editor, video_page):
    upload = SimpleUploadedFile("new.vtt", ENGLISH_VTT.replace(b"affected", b"hurt"))
    response = editor.post(_url(video_page), {"language": "en", "file": upload, "publish": "on"})
    assert response.status_code == 302
    page = VideoPage.objects.get(pk=video_page.pk)
    assert page.get_cues()[2].text == "Who can be hurt?"
    messages = [str(m) for m in response.wsgi_request._messages]
    assert messages[0] == "English: 3 cues imported from “new.vtt” and published."


def test_rejected_upload_explains_and_changes_nothing(editor, video_page):
    bad = ENGLISH_VTT.replace(b"00:00:09.000 --> 00:00:12.000", b"00:00:09.000 --> 00:60:12.000")
    response = editor.post(
        _url(video_page), {"language": "en", "file": SimpleUploadedFile("en.vtt", bad)}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "was not imported; nothing changed." in html
    assert "Line 9:" in html
    assert VideoPage.objects.get(pk=video_page.pk).get_cues() == video_page.get_cues()


def test_target_mismatch_is_reported_in_the_form(editor, video_page):
    shifted = FRENCH_SRT.replace(b"00:00:01,000", b"00:00:02,000")
    response = editor.post(
        _url(video_page), {"language": "fr", "file": SimpleUploadedFile("fr.srt", shifted)}
    )
    assert response.status_code == 400
    assert "Cue 1 (line 2)" in response.content.decode()


def test_upload_must_be_a_subtitle_file(editor, video_page):
    upload = SimpleUploadedFile("notes.txt", ENGLISH_VTT)
    response = editor.post(_url(video_page), {"language": "en", "file": upload})
    assert response.status_code == 400
    assert "is not a subtitle file" in response.content.decode()


def test_downloads_for_editors(editor, video_page):
    srt = editor.get(_url(video_page, "en.srt"))
    assert srt.status_code == 200
    assert srt["Content-Disposition"] == 'attachment; filename="video.en.srt"'
    assert srt.content.decode().startswith("1\n00:00:01,000 --> 00:00:04,000\nNo One Has")
    # A French file waiting in the translation editor can be downloaded before publishing.
    import_subtitles(video_page, "fr", FRENCH_SRT)
    vtt = editor.get(_url(video_page, "fr.vtt"))
    assert vtt.status_code == 200 and "Qui peut être touché ?" in vtt.content.decode()
    assert editor.get(_url(video_page, "ar.srt")).status_code == 404
    assert editor.get(_url(video_page, "en.doc")).status_code == 404


def test_editors_without_page_permission_are_refused(client, django_user_model, video_page):
    user = django_user_model.objects.create_user("viewer", password="pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    # Wagtail answers PermissionDenied in the admin with a redirect to the dashboard.
    for url in (_url(video_page), _url(video_page, "en.srt")):
        response = client.get(url)
        assert (response.status_code, response["Location"]) == (302, "/admin/")
    upload = SimpleUploadedFile("en.vtt", ENGLISH_VTT.replace(b"affected", b"hurt"))
    client.post(_url(video_page), {"language": "en", "file": upload, "publish": "on"})
    assert VideoPage.objects.get(pk=video_page.pk).get_cues()[2].text == "Who can be affected?"
    client.logout()
    assert client.get(_url(video_page)).status_code == 302  # to the login page


def test_video_uploads_are_checked_by_content():
    webm = (DEMO_ASSETS / "no-one-has-the-right-to-hurt-you.webm").read_bytes()
    validate_video_file(SimpleUploadedFile("clip.webm", webm))
    with pytest.raises(ValidationError, match="named .mp4 but its content is a video/webm file"):
        validate_video_file(SimpleUploadedFile("clip.mp4", webm))
    with pytest.raises(ValidationError, match="named .mp4 but its content is an HTML document"):
        validate_video_file(SimpleUploadedFile("clip.mp4", b"<html><script>alert(1)</script>"))
    with pytest.raises(ValidationError, match="content is a image/gif file"):
        validate_video_file(SimpleUploadedFile("clip.webm", b"GIF89a" + b"\0" * 100))
    with pytest.raises(ValidationError, match="cannot be uploaded as videos"):
        validate_video_file(SimpleUploadedFile("clip.mov", webm))


def test_page_needs_a_video(home_page):
    page = VideoPage(title="No video", slug="no-video")
    with pytest.raises(ValidationError, match="Upload the video or give its address"):
        page.full_clean()
    page.video_url = "https://www.youtube.com/watch?v=abc"
    with pytest.raises(ValidationError, match="ending in .mp4 or .webm"):
        page.full_clean()


def test_page_editor_checks_uploaded_video_by_content(editor, video_page):
    edit_url = f"/admin/pages/{video_page.pk}/edit/"
    form = querydict_from_html(editor.get(edit_url).content.decode(), form_id="page-edit-form")
    data = {key: form.getlist(key) for key in form}
    # The StreamField is drawn by JavaScript, so its inputs are not in the HTML.
    # Times as the editor shows and takes them: mm:ss.mmm (protect.blocks.CueTimeBlock).
    cues = [("cue", {"start_ms": format_cue_time(c.start_ms), "end_ms": format_cue_time(c.end_ms),
                     "text": c.text, "settings": ""})
            for c in video_page.get_cues()]  # fmt: skip
    data.update(nested_form_data({"cues": streamfield(cues)}))
    data["video_url"] = ""

    data["video_file"] = SimpleUploadedFile("clip.mp4", b"<html><script>alert(1)</script>")
    response = editor.post(edit_url, data)
    assert response.status_code == 200
    assert "its content is an HTML document" in response.content.decode()

    webm = (DEMO_ASSETS / "no-one-has-the-right-to-hurt-you.webm").read_bytes()
    data["video_file"] = SimpleUploadedFile("../My clip (final).webm", webm)
    response = editor.post(edit_url, data)
    assert response.status_code == 302
    draft = VideoPage.objects.get(pk=video_page.pk).get_latest_revision_as_object()
    assert draft.video_file.name == "videos/My-clip-final.webm"
    assert draft.video_mime_type == "video/webm"


def test_upload_with_a_bidi_override_is_refused_and_changes_nothing(editor, video_page):
    bad = ENGLISH_VTT.replace(b"Who can be affected?", "Call \u202e112".encode())
    response = editor.post(
        _url(video_page), {"language": "en", "file": SimpleUploadedFile("en.vtt", bad)}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "was not imported; nothing changed." in html
    assert "Line 10: U+202E RIGHT-TO-LEFT OVERRIDE in column 6 is not allowed" in html
    assert VideoPage.objects.get(pk=video_page.pk).get_cues() == video_page.get_cues()


def test_cue_text_typed_in_the_page_editor_is_checked_too():
    block = VideoPage._meta.get_field("cues").stream_block.child_blocks["cue"]
    value = {"start_ms": 1000, "end_ms": 2000, "text": "Call \u202e112\u202c", "settings": ""}
    with pytest.raises(ValidationError) as raised:
        block.clean(block.to_python(value))
    assert "U+202E RIGHT-TO-LEFT OVERRIDE" in str(raised.value.block_errors["text"])
    value["text"] = "\u200fاتصلوا \u2066112\u2069"
    assert block.clean(block.to_python(value))["text"] == value["text"]
