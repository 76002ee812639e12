"""Issue 15: a video page's track file (cue count, timing fingerprint, rendered VTT and
transcript) is written with its cues on every save path, so the partner API neither loads nor
renders cues per request; existing pages get theirs from the data migration."""

import importlib
import random

import pytest
from django.apps import apps as django_apps

from cms.subtitles import render_transcript, render_vtt
from protect.models import TrackFile, VideoPage
from protect.services import import_subtitles
from protect.track_files import timings_fingerprint
from protect.track_matching import cues_differing
from tests.support.pages import translate_page
from tests.support.subtitles import ENGLISH_VTT, spaced_cues

pytestmark = pytest.mark.django_db

TWO_CUES = ENGLISH_VTT.split(b"\n\n00:00:09.000")[0] + b"\n"


def _stored(page) -> TrackFile:
    return TrackFile.objects.get(page_id=page.pk)


def _expected(page) -> dict:
    live = VideoPage.objects.get(pk=page.pk)
    cues = live.get_cues()
    return {
        "cue_count": len(cues),
        "vtt": render_vtt(cues, language=live.locale.language_code),
        "transcript": render_transcript(cues),
        "timings": timings_fingerprint(list(live.cues.raw_data)),
    }


def _as_dict(track_file: TrackFile) -> dict:
    return {
        name: getattr(track_file, name) for name in ("cue_count", "vtt", "transcript", "timings")
    }


def test_fingerprints_agree_with_the_cue_comparison():
    """Equal fingerprints ⇔ no cue differs, on random edits of a track (ids, times, counts)."""
    rng = random.Random(15)
    for _ in range(300):
        source = [
            {"id": f"c{n}", "value": {"start_ms": n * 1000, "end_ms": n * 1000 + 900}}
            for n in range(rng.randint(0, 6))
        ]
        track = [dict(item, value=dict(item["value"], text="x")) for item in source]
        edit = rng.choice(["none", "retime", "new_id", "drop", "add", "shuffle"])
        if edit == "retime" and track:
            track[0]["value"]["end_ms"] += rng.choice([1, 500])
        elif edit == "new_id" and track:
            track[-1]["id"] = "other"
        elif edit == "drop" and track:
            track.pop(rng.randrange(len(track)))
        elif edit == "add":
            track.append({"id": "extra", "value": {"start_ms": 99000, "end_ms": 99500}})
        elif edit == "shuffle":
            rng.shuffle(track)
        same = timings_fingerprint(source) == timings_fingerprint(track)
        assert same == (cues_differing(source, track) == 0), (edit, source, track)


def test_written_with_the_page_and_kept_by_drafts(video_page, admin_user):
    assert _as_dict(_stored(video_page)) == _expected(video_page)
    assert _stored(video_page).cue_count == 3
    # A draft leaves the live row, and its track file, as they were.
    import_subtitles(video_page, "en", TWO_CUES, user=admin_user)
    assert _stored(video_page).cue_count == 3
    import_subtitles(video_page, "en", TWO_CUES, user=admin_user, publish=True)
    assert _stored(video_page).cue_count == 2
    assert _as_dict(_stored(video_page)) == _expected(video_page)


def test_translations_and_copies_get_their_own(video_page, locales):
    arabic = translate_page(video_page, locales["ar"], cues=spaced_cues("لا أحد", "له"))
    stored = _stored(arabic)
    assert stored.cue_count == 2 and "لا أحد" in stored.vtt
    assert _as_dict(stored) == _expected(arabic)
    assert _stored(video_page).cue_count == 3  # the source's is its own


def test_the_migration_fills_existing_pages(video_page, locales):
    arabic = translate_page(video_page, locales["ar"], cues=spaced_cues("لا أحد"))
    TrackFile.objects.all().delete()
    migration = importlib.import_module("protect.migrations.0003_trackfile")
    migration.fill_track_files(django_apps, None)
    assert _as_dict(_stored(video_page)) == _expected(video_page)
    assert _as_dict(_stored(arabic)) == _expected(arabic)
