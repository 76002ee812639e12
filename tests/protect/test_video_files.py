"""Public files of video pages: WebVTT tracks, transcripts and the video itself (with ranges),
and the selectors the partner API builds on."""

import pytest
import webvtt
from django.core.files import File
from django.test import RequestFactory
from wagtail.models import PageViewRestriction

from cms.subtitles import parse_subtitles
from protect import tracks
from protect.models import VideoPage
from tests.support.subtitles import DEMO_ASSETS

pytestmark = pytest.mark.django_db
WEBM = DEMO_ASSETS / "no-one-has-the-right-to-hurt-you.webm"


@pytest.fixture
def translated(video_page, translate):
    """The video in English (source) and French, both live."""
    translate(video_page.get_parent().specific, video_page, only=["fr"])
    french = VideoPage.objects.get(
        translation_key=video_page.translation_key, locale__language_code="fr"
    )
    return video_page, french


@pytest.fixture
def uploaded(video_page):
    with WEBM.open("rb") as handle:
        video_page.video_file.save("Demo Video (final).webm", File(handle), save=False)
    video_page.video_url = ""
    video_page.save_revision().publish()
    return VideoPage.objects.get(pk=video_page.pk)


def _url(page, what="tracks", lang="en", ext="vtt"):
    return f"/api/partner/v1/videos/{page.pk}/{what}/{lang}.{ext}"


def _assert_not_found(response):
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json()["error"]["code"] == "not_found"


def test_track_is_strict_webvtt_with_cors_and_etag(client, translated):
    english, french = translated
    response = client.get(_url(english, lang="fr"), HTTP_ORIGIN="https://partner.example.org")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/vtt; charset=utf-8"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["ETag"]
    body = response.content
    assert (
        body.startswith(b"WEBVTT\n") and b"\r" not in body and not body.startswith(b"\xef\xbb\xbf")
    )
    text = body.decode("utf-8")
    # Both a strict third-party parser and our own strict parser read it without complaint.
    assert len(webvtt.from_string(text, strict=True).captions) == french.cue_count == 3
    assert len(parse_subtitles(body).cues) == 3
    assert "Personne n'a le droit de vous faire du mal" in text

    again = client.get(_url(english, lang="fr"), HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304 and again.content == b""


def test_track_query_budget(client, translated, django_assert_max_num_queries):
    english, _ = translated
    client.get("/api/partner/v1/videos/")  # warm the partner API's content version
    with django_assert_max_num_queries(3):
        response = client.get(_url(english, lang="fr"))
    assert response.status_code == 200
    with django_assert_max_num_queries(1):
        assert client.get(_url(english, lang="fr")).status_code == 200  # from the cache


def test_transcript_is_plain_text(client, translated):
    english, _ = translated
    response = client.get(_url(english, "transcript", "fr", "txt"))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode().splitlines()[0] == "Personne n'a le droit de vous faire du mal"


def test_rtl_track_marks_latin_lines(client, video_page, translate):
    translate(video_page.get_parent().specific, video_page, only=["ar"])
    response = client.get(_url(video_page, lang="ar"))
    assert response.status_code == 200
    assert "لا يحق لأحد أن يؤذيك" in response.content.decode()


def test_unpublished_translation_is_not_served(client, translated):
    english, french = translated
    french.unpublish()
    _assert_not_found(client.get(_url(english, lang="fr")))
    _assert_not_found(client.get(_url(french, lang="en")))  # asked through a draft page
    assert client.get(_url(english, lang="en")).status_code == 200


def test_draft_private_and_unknown_are_not_found(client, translated):
    english, french = translated
    _assert_not_found(client.get(_url(english, lang="de")))  # not a site language
    _assert_not_found(client.get(_url(english, lang="ar")))  # no Arabic translation
    _assert_not_found(client.get(f"/api/partner/v1/videos/{english.get_parent().pk}/tracks/en.vtt"))
    PageViewRestriction.objects.create(
        page=french, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    _assert_not_found(client.get(_url(english, lang="fr")))
    english.unpublish()
    _assert_not_found(client.get(_url(english, lang="en")))
    _assert_not_found(client.get(_url(english, "transcript", "en", "txt")))


def test_video_file_supports_ranges(client, uploaded):
    url = f"/api/partner/v1/videos/{uploaded.pk}/video.webm"
    whole = WEBM.read_bytes()
    assert uploaded.video_file.name == "videos/Demo-Video-final.webm"

    full = client.get(url)
    assert full.status_code == 200
    assert full["Content-Type"] == "video/webm" and full["Accept-Ranges"] == "bytes"
    assert b"".join(full.streaming_content) == whole

    part = client.get(url, HTTP_RANGE="bytes=100-199")
    assert part.status_code == 206
    assert part["Content-Range"] == f"bytes 100-199/{len(whole)}"
    assert b"".join(part.streaming_content) == whole[100:200]

    tail = client.get(url, HTTP_RANGE="bytes=-10")
    assert b"".join(tail.streaming_content) == whole[-10:]

    beyond = client.get(url, HTTP_RANGE=f"bytes={len(whole)}-")
    assert beyond.status_code == 416 and beyond["Content-Range"] == f"bytes */{len(whole)}"

    stale = client.get(url, HTTP_RANGE="bytes=0-9", HTTP_IF_RANGE='"another-version"')
    assert stale.status_code == 200

    head = client.head(url)
    assert head.status_code == 200 and head["Content-Length"] == str(len(whole))
    assert b"".join(head.streaming_content) == b""

    _assert_not_found(client.get(f"/api/partner/v1/videos/{uploaded.pk}/video.mp4"))
    uploaded.unpublish()
    _assert_not_found(client.get(url))


def test_published_tracks_for_the_partner_api(translated, django_assert_max_num_queries):
    english, french = translated
    with django_assert_max_num_queries(2):
        items = tracks.published_tracks(french, "fr")
    assert items == [
        {
            "srclang": "en",
            "label": "English",
            "kind": "subtitles",
            "dir": "ltr",
            "src": f"/api/partner/v1/videos/{french.pk}/tracks/en.vtt",
            "default": False,
            "cue_count": 3,
            "outdated": False,
        },
        {
            "srclang": "fr",
            "label": "Français",
            "kind": "subtitles",
            "dir": "ltr",
            "src": f"/api/partner/v1/videos/{french.pk}/tracks/fr.vtt",
            "default": True,
            "cue_count": 3,
            "outdated": False,
        },
    ]
    pages = list(VideoPage.objects.select_related("locale").filter(pk__in=[english.pk, french.pk]))
    with django_assert_max_num_queries(2):
        many = tracks.published_tracks_many(pages)
    assert many[french.pk] == items
    assert [item["default"] for item in many[english.pk]] == [True, False]
    request = RequestFactory().get("/")
    absolute = tracks.published_tracks(french, "fr", request)
    assert (
        absolute[0]["src"] == f"http://testserver/api/partner/v1/videos/{french.pk}/tracks/en.vtt"
    )
    french.unpublish()
    assert [item["srclang"] for item in tracks.published_tracks(english, "en")] == ["en"]


def test_video_payload(uploaded, video_page):
    request = RequestFactory().get("/")
    payload = tracks.video_payload(uploaded, request)
    assert payload == {
        "video": {
            "url": f"http://testserver/api/partner/v1/videos/{uploaded.pk}/video.webm",
            "mime_type": "video/webm",
            "duration_seconds": 32.0,
            "poster": None,
        },
        "transcript_url": f"http://testserver/api/partner/v1/videos/{uploaded.pk}/transcript/en.txt",
    }


def test_external_video_payload(video_page):
    payload = tracks.video_payload(video_page, RequestFactory().get("/"))
    assert payload["video"]["url"] == "https://media.example.org/no-one.mp4"
    assert payload["video"]["mime_type"] == "video/mp4"


def test_page_renders_video_with_tracks(client, translated):
    english, french = translated
    response = client.get(french.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<video aria-label="' in html
    assert f'src="/api/partner/v1/videos/{french.pk}/tracks/fr.vtt" srclang="fr"' in html
    assert 'label="Français" data-cue-count="3" default>' in html
    assert 'srclang="en" label="English" data-cue-count="3">' in html
