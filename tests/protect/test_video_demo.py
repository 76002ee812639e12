"""The demo video: 23 live tracks made through wagtail-localize, playable in real Chromium."""

import pytest

from cms import languages
from home.demo import phrasebook
from home.demo.pages import ensure_home_page
from home.demo.translation import translate_object
from home.locales import sync_locales
from protect import demo_video
from protect.models import SubtitleImport, VideoPage
from protect.tracks import published_tracks


def _build_demo(capture, only=None):
    """What load_demo_content does for the video: home, video page, then their translations."""
    home, _ = ensure_home_page()
    (video,) = demo_video.build(home)
    for obj in (home, video):
        with capture(execute=True):
            translate_object(obj, only=only)
    return video


@pytest.mark.django_db
def test_demo_video_tracks_are_labelled_demo_translations(
    locales, django_capture_on_commit_callbacks
):
    # Two languages here (one RTL); the browser test below builds and checks all 23.
    video = _build_demo(django_capture_on_commit_callbacks, only=["fr", "ar"])
    assert demo_video.VIDEO.stat().st_size < 2_000_000
    assert video.video_mime_type == "video/webm" and video.video_file.size < 2_000_000
    assert video.poster is not None and video.poster_alt

    pages = VideoPage.objects.filter(translation_key=video.translation_key, live=True)
    assert pages.count() == 3
    for page in pages.select_related("locale"):
        code = page.locale.language_code
        cues = page.get_cues()
        assert len(cues) == 6, code
        if code != "en":
            # The first cue says these are demo subtitles, in the language itself.
            assert cues[0].text.startswith(phrasebook.label(code)), code
            assert cues[0].text != "Demo subtitles: not the real video."
    # The English cues went through the import pipeline; its warnings are stored.
    record = SubtitleImport.objects.get(translation_key=video.translation_key)
    assert record.cue_count == 6 and record.locale.language_code == "en"
    assert [track["srclang"] for track in published_tracks(video, "en")] == ["en", "fr", "ar"]
    # Running the builder again finds the page instead of making another.
    assert demo_video.build(video.get_parent(), None) == [video]


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_every_track_loads_in_chromium(
    live_server, browser_page, django_capture_on_commit_callbacks
):
    sync_locales()
    video = _build_demo(django_capture_on_commit_callbacks)
    stored = {
        code: len(cues)
        for code, cues in VideoPage.objects.filter(
            translation_key=video.translation_key, live=True
        ).values_list("locale__language_code", "cues")
    }
    assert len(stored) == 23

    browser_page.goto(live_server.url + video.url)
    browser_page.evaluate(
        "() => { for (const track of document.querySelector('video').textTracks) "
        "track.mode = 'hidden'; }"
    )
    browser_page.wait_for_function(
        "() => [...document.querySelectorAll('video track')].every(t => t.readyState >= 2)",
        timeout=20_000,
    )
    loaded = browser_page.evaluate(
        "() => [...document.querySelectorAll('video track')].map(t => "
        "[t.srclang, t.readyState, t.track.cues ? t.track.cues.length : -1])"
    )
    assert [code for code, _, _ in loaded] == languages.codes()
    for code, ready_state, cue_count in loaded:
        assert ready_state == 2, f"{code}: the browser could not load the track"
        assert cue_count == stored[code], code
    # The bundled video itself plays: Chromium reads its metadata through the range view.
    duration = browser_page.evaluate(
        "() => new Promise(resolve => { const v = document.querySelector('video');"
        " if (v.readyState >= 1) resolve(v.duration);"
        " v.addEventListener('loadedmetadata', () => resolve(v.duration));"
        " v.addEventListener('error', () => resolve(-1)); v.load(); })"
    )
    assert duration == pytest.approx(32, abs=0.5)
