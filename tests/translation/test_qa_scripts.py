"""Issue 10.6: QA reads numbers in any digit system, and subtitle tasks get reading-speed and
line-length checks from the one home of subtitle limits."""

import pytest
from wagtail_localize.operations import translate_object

from cms.subtitles import limits, parse_subtitles
from cms.translation.models import TranslationTask
from cms.translation.numerals import ascii_digits, ethiopic_value
from cms.translation.qa import check_segment, check_task
from protect.forms import SubtitleUploadForm
from tests.factories import VideoPageFactory
from tests.support.translation import fill


def codes(issues):
    return {issue.code for issue in issues}


@pytest.mark.parametrize(
    "source, target",
    [
        ("Help 24/7", "مساعدة ٢٤/٧"),  # Arabic-Indic
        ("Help 24/7", "کمک ۲۴/۷"),  # Extended Arabic-Indic (Persian)
        ("Call 116 006", "تماس ۱۱۶ ۰۰۶"),
        ("Open 24 hours", "፳፬ ሰዓት ክፍት"),  # Ethiopic numerals
    ],
)
def test_numbers_match_across_digit_systems(source, target):
    assert codes(check_segment(source, target)) == set()


@pytest.mark.parametrize(
    "source, target, code",
    [
        ("Help 24/7", "کمک ۲۳/۷", "number"),
        ("Call 116 006", "تماس ۱۱۶ ۰۰۷", "phone"),
        ("Open 24 hours", "፳፭ ሰዓት ክፍት", "number"),
    ],
)
def test_different_numbers_in_other_scripts_are_still_caught(source, target, code):
    assert code in codes(check_segment(source, target))


def test_ethiopic_values():
    assert [ethiopic_value(run) for run in ("፩", "፲", "፳፬", "፻", "፪፻፶", "፼", "፲፼")] == [
        1, 10, 24, 100, 250, 10_000, 100_000
    ]  # fmt: skip
    assert ascii_digits("abc") == "abc"


@pytest.mark.django_db
def test_subtitle_task_gets_reading_speed_from_cue_times(home_page, fr_home, locales):
    video = VideoPageFactory(parent=home_page, slug="video")
    translate_object(video, [locales["fr"]])
    task = TranslationTask.objects.get(source__object_id=video.translation_key)
    # Cue 1 is on screen for 3 s: 60 characters is 20 characters/second.
    fill(task, lambda source: "x" * 60 if source == "No One Has the Right to Hurt You" else "FR")
    report = check_task(task)
    [cue_path] = [path for path, issues in report.items() if "reading_speed" in codes(issues)]
    assert cue_path.startswith("cues.")
    assert f"at most {limits.MAX_CHARS_PER_SECOND}" in " ".join(
        issue.message for issue in report[cue_path]
    )
    assert "line_length" in codes(report[cue_path])


def test_parser_and_form_read_the_same_limits():
    fast = b"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n" + b"x" * (limits.MAX_CHARS_PER_SECOND + 1)
    assert "reading_speed" in codes(parse_subtitles(fast).warnings)
    ok = b"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n" + b"x" * limits.MAX_CHARS_PER_SECOND
    assert "reading_speed" not in codes(parse_subtitles(ok).warnings)
    help_text = str(SubtitleUploadForm().fields["file"].help_text)
    assert f"{limits.MAX_FILE_BYTES // 1_000_000} MB" in help_text
