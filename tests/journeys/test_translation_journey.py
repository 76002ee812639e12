"""Issue 10's journey in Chromium, each role in its own browser session: an admin sets up a
Farsi team, an editor uploads subtitles (and fixes a mismatched Arabic file), the Farsi
translator translates in wagtail-localize's editor and requests review, the reviewer approves
and publishes, and partners then get the Farsi track, not outdated."""

import json

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail_localize.models import StringSegment

from cms.translation.models import LocaleTeam, TaskState, TranslationTask
from protect.models import VideoPage
from tests.factories import TranslationTaskFactory, VideoPageFactory
from tests.support.browser import log_in
from tests.support.subtitles import ENGLISH_VTT

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.browser,
]

ARABIC_VTT = """WEBVTT

00:00:01.000 --> 00:00:04.000
لا يحق لأحد أن يؤذيك

00:00:05.000 --> 00:00:08.500
العنف الجنسي والقائم على النوع الاجتماعي انتهاك لحقوق الإنسان.

00:00:09.000 --> 00:00:12.000
من يمكن أن يتأثر؟
"""
ARABIC_SHIFTED = ARABIC_VTT.replace(
    "00:00:09.000 --> 00:00:12.000", "00:00:10.000 --> 00:00:13.000"
)
FARSI = "فارسی"


@pytest.fixture
def people(django_user_model):
    make = django_user_model.objects.create_user
    editor = make("editor", password="pw")
    editor.groups.add(Group.objects.get(name="Moderators"))  # editors who may publish
    return {
        "admin": django_user_model.objects.create_superuser("admin", "a@example.org", "pw"),
        "editor": editor,
        "translator": make("translator-fa", password="pw"),
        "reviewer": make("reviewer-fa", password="pw"),
    }


def _session(browser, live_server, username):
    context = browser.new_context()
    page = context.new_page()
    log_in(page, live_server.url, username, "pw")
    return page


def _admin_creates_the_team(page, live_server, people, farsi):
    page.goto(live_server.url + reverse("wagtailadmin_home"))
    page.click("text=Settings")
    page.click("a:has-text('Locale teams')")
    page.click("text=Add locale team")
    page.fill("#id_name", "Farsi")
    page.select_option("#id_locale", str(farsi.pk))
    page.check(f"input[name=members][value='{people['translator'].pk}']")
    page.check(f"input[name=reviewers][value='{people['reviewer'].pk}']")
    page.check("#id_can_publish")  # its reviewers publish what they approve
    page.click("footer button[type=submit]")
    page.wait_for_selector("text=Farsi")
    team = LocaleTeam.objects.get(name="Farsi")
    assert team.locale.language_code == "fa"
    assert list(team.members.all()).count(people["translator"]) == 1


def _upload(page, language, name, data):
    page.select_option("#id_language", language)
    page.set_input_files(
        "#id_file", {"name": name, "mimeType": "text/vtt", "buffer": data.encode()}
    )
    if language == "en":
        page.check("#id_publish")
    with page.expect_navigation():
        page.click("form[enctype] button[type=submit]")
    return page.inner_text("body")


def _editor_uploads_subtitles(page, live_server, video):
    page.goto(live_server.url + reverse("protect_subtitles", args=[video.pk]))
    body = _upload(page, "en", "en.vtt", ENGLISH_VTT.decode())
    assert "3 cues imported" in body, body[-2500:]
    body = _upload(page, "ar", "ar.vtt", ARABIC_SHIFTED)
    assert "was not imported; nothing changed" in body
    assert "Cue 3 (line 9)" in body, body[-2500:]  # the shifted cue's timing line
    body = _upload(page, "ar", "ar.vtt", ARABIC_VTT)
    assert "3 cues imported from “ar.vtt”" in body, body[:3000]


def _translator_translates(page, live_server, fa_task, ar_task):
    page.goto(live_server.url + reverse("translation_queue:index"))
    listing = page.inner_text("body")
    assert fa_task.title in listing
    task_url = reverse("translation_queue:task", args=[fa_task.pk])
    assert page.locator(f"a[href*='{task_url}']").count() >= 1
    assert (
        page.locator(f"a[href*='{reverse('translation_queue:task', args=[ar_task.pk])}']").count()
        == 0
    )
    page.goto(live_server.url + reverse("translation_queue:task", args=[ar_task.pk]))
    assert "Approve" not in page.inner_text("body")  # not found / refused: not theirs
    page.goto(live_server.url + task_url)
    page.click("text=Translate in the editor")
    page.wait_for_url(lambda url: "/edit/" in url)
    _fill_editor(page, fa_task)
    page.goto(live_server.url + task_url)
    page.click("button[value=request_review]")
    page.wait_for_load_state()
    fa_task.refresh_from_db()
    assert fa_task.state == TaskState.NEEDS_REVIEW


# The PUT that wagtail-localize's React editor sends when a string is saved (our
# views/editor.string_edit), sent from the editor page with its session and CSRF token.
SAVE_STRING = """async ([url, value]) => {
    const token = document.cookie.match(/csrftoken=([^;]+)/)[1];
    const body = new FormData();
    body.append("value", value);
    const response = await fetch(url, {method: "PUT", body, headers: {"X-CSRFToken": token}});
    return response.status;
}"""


def _fill_editor(page, task):
    """Every string of the task translated into Farsi, saved as the editor saves it."""
    translation = task.translation
    segments = (
        StringSegment.objects.filter(source_id=translation.source_id)
        .exclude(string__data__startswith="http")  # the video URL stays the source's
        .select_related("context")
    )
    statuses = [
        page.evaluate(
            SAVE_STRING,
            [
                f"/admin/localize/translate/{translation.pk}/strings/{segment.pk}/edit/",
                # Farsi letters would slugify to nothing: the translator gives a Latin slug
                "video-fa" if segment.context.path == "slug" else FARSI,
            ],
        )
        for segment in segments
    ]
    assert statuses and set(statuses) <= {200, 201}, statuses


def _reviewer_publishes(page, live_server, fa_task):
    page.goto(live_server.url + reverse("translation_queue:index"))
    assert fa_task.title in page.inner_text("body")  # their default view: waiting for review
    page.goto(live_server.url + reverse("translation_queue:task", args=[fa_task.pk]))
    for action in ("approve", "publish"):
        with page.expect_navigation():
            page.click(f"button[value={action}]")
    fa_task.refresh_from_db()
    assert fa_task.state == TaskState.PUBLISHED, page.inner_text("body")[:1500]


def test_translation_journey(browser, live_server, home_page, locales, people):
    admin = _session(browser, live_server, "admin")
    _admin_creates_the_team(admin, live_server, people, locales["fa"])
    video = VideoPageFactory(parent=home_page, slug="video")
    fa_task = TranslationTaskFactory(source=video, locale=locales["fa"])
    ar_task = TranslationTaskFactory(source=video, locale=locales["ar"])

    _editor_uploads_subtitles(_session(browser, live_server, "editor"), live_server, video)
    ar_task.refresh_from_db()
    assert ar_task.segments_remaining < ar_task.segments_total  # the cues are in

    _translator_translates(
        _session(browser, live_server, "translator-fa"), live_server, fa_task, ar_task
    )
    _reviewer_publishes(_session(browser, live_server, "reviewer-fa"), live_server, fa_task)

    farsi = VideoPage.objects.get(translation_key=video.translation_key, locale=locales["fa"])
    assert farsi.live and [c.text for c in farsi.get_cues()] == [FARSI] * 3
    api = admin.context.new_page()
    api.goto(live_server.url + f"/api/partner/v1/videos/{video.pk}/")
    tracks = {t["srclang"]: t for t in json.loads(api.inner_text("body"))["tracks"]}
    assert tracks["fa"]["outdated"] is False
    assert "ar" not in tracks  # the Arabic upload waits for review
    api.goto(live_server.url + "/partner-demo/")
    api.wait_for_selector("body[data-ready='en']")
    assert api.locator("video track[srclang='fa']").count() == 1
    assert TranslationTask.objects.get(pk=fa_task.pk).state == TaskState.PUBLISHED
