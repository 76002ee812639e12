"""``manage.py import_subtitles``: single files and folders, rejections on stderr."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from protect.models import VideoPage
from tests.support.subtitles import ENGLISH_VTT, FRENCH_SRT

pytestmark = pytest.mark.django_db


def _run(*args):
    out, err = StringIO(), StringIO()
    call_command("import_subtitles", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_single_file(tmp_path, video_page):
    path = tmp_path / "french.srt"
    path.write_bytes(FRENCH_SRT)
    out, err = _run(str(path), "--video", str(video_page.pk), "--language", "fr")
    assert "3 cues saved as fr." in out
    assert "warning: Line 6: 80 characters" in out
    assert err == ""


def test_folder_imports_source_first_and_reports_rejections(tmp_path, video_page):
    (tmp_path / "video.fr.srt").write_bytes(FRENCH_SRT)
    (tmp_path / "en.vtt").write_bytes(ENGLISH_VTT.replace(b"affected", b"hurt"))
    (tmp_path / "ar.vtt").write_text("WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nلا يحق\n")
    (tmp_path / "README.md").write_text("not a subtitle file")
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError) as caught:
        call_command(
            "import_subtitles", str(tmp_path), "--video", str(video_page.pk), "--publish",
            stdout=out, stderr=err, verbosity=0,
        )  # fmt: skip
    assert caught.value.returncode == 1
    assert "1 of 3 file(s) rejected" in str(caught.value)
    lines = out.getvalue().splitlines()
    assert lines[0].endswith("en.vtt: 3 cues published as en.")
    assert any(line.endswith("video.fr.srt: 3 cues saved as fr.") for line in lines)
    assert "ar.vtt: rejected, nothing changed." in err.getvalue()
    assert "1 cues but the English source has 3" in err.getvalue()
    assert VideoPage.objects.get(pk=video_page.pk).get_cues()[2].text == "Who can be hurt?"


def test_bad_arguments(tmp_path, video_page):
    (tmp_path / "francais.vtt").write_bytes(ENGLISH_VTT)
    with pytest.raises(CommandError, match="not: francais.vtt"):
        _run(str(tmp_path), "--video", str(video_page.pk))
    with pytest.raises(CommandError, match="--language"):
        _run(str(tmp_path / "francais.vtt"), "--video", str(video_page.pk))
    with pytest.raises(CommandError, match="no video page with id 999999"):
        _run(str(tmp_path), "--video", "999999")
