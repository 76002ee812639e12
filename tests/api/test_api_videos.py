"""/videos/ and /videos/{id}/: the video, every published track, defaults per locale."""

import pytest
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from tests.factories import VideoPageFactory
from tests.support.pages import translate_page
from tests.support.subtitles import spaced_cues

pytestmark = pytest.mark.django_db


@pytest.fixture
def video(home_page, locales):
    page = VideoPageFactory(
        parent=home_page, slug="video", cues=spaced_cues("No one has the right", "to hurt you")
    )
    ar = translate_page(page, locales["ar"], title="لا أحد", cues=spaced_cues("لا أحد له الحق"))
    ti = translate_page(page, locales["ti"], title="ማንም", cues=spaced_cues("ማንም", "መሰላት", "የብሉን"))
    translate_page(page, locales["fa"], publish=False, title="draft", cues=spaced_cues("پیش‌نویس"))
    return {"en": page, "ar": ar, "ti": ti}


@pytest.mark.parametrize("code", ["en", "ar", "ti"])
def test_video_detail_lists_every_published_track(api_client, video, code):
    response = api_client.api(f"/videos/{video['en'].pk}/", locale=code)
    assert response.status_code == 200, response.content
    body = response.json_body
    assert body["id"] == video[code].pk and body["locale"] == code
    assert [t["srclang"] for t in body["tracks"]] == ["en", "ar", "ti"]  # no fa draft
    assert [t["srclang"] for t in body["tracks"] if t["default"]] == [code]
    by_lang = {t["srclang"]: t for t in body["tracks"]}
    assert by_lang["ar"]["dir"] == "rtl" and by_lang["ar"]["label"] == "العربية"
    assert by_lang["ti"]["cue_count"] == 3
    assert by_lang["ar"]["src"].endswith(f"/api/partner/v1/videos/{video[code].pk}/tracks/ar.vtt")
    assert body["video"]["url"] == "https://media.example.org/no-one.mp4"
    assert body["video"]["mime_type"] == "video/mp4"
    assert body["video"]["duration_seconds"] == 32.0
    assert [t["locale"] for t in body["translations"]] == ["en", "ar", "ti"]


def test_video_listing_has_the_same_tracks(api_client, video):
    body = api_client.api("/videos/", locale="ar").json_body
    (item,) = body["items"]
    detail = api_client.api(f"/videos/{video['en'].pk}/", locale="ar").json_body
    assert item["tracks"] == detail["tracks"]
    assert item["video"] == detail["video"]


@pytest.mark.parametrize("code", ["en", "ar"])
def test_video_detail_is_its_listing_item(api_client, home_page, locales, code):
    """The detail reads one raw query where the listing loads pages: the same answer, poster,
    dates and decimals included."""
    poster = get_image_model().objects.create(
        title="Poster", file=get_test_image_file("poster.png", size=(800, 450))
    )
    page = VideoPageFactory(
        parent=home_page, slug="poster", poster=poster, poster_alt="A road", cues=spaced_cues("Hi")
    )
    translate_page(page, locales["ar"], title="لا أحد", poster_alt="طريق", cues=spaced_cues("م"))
    (item,) = api_client.api("/videos/", locale=code).json_body["items"]
    detail = api_client.api(f"/videos/{page.pk}/", locale=code).json_body
    assert detail == item
    assert detail["video"]["poster"]["alt"] == {"en": "A road", "ar": "طريق"}[code]
    assert detail["last_published_at"] and detail["transcript_url"]


def test_video_missing_locale_is_404_unless_fallback(api_client, video):
    assert api_client.api(f"/videos/{video['en'].pk}/", locale="fa").status_code == 404
    body = api_client.api(f"/videos/{video['en'].pk}/", locale="fa", fallback="en").json_body
    assert body["locale"] == "en" and body["is_fallback"] is True


def test_track_file_is_served_with_cors(api_client, video):
    response = api_client.get(
        f"/api/partner/v1/videos/{video['en'].pk}/tracks/ti.vtt", HTTP_ORIGIN="https://ngo.example"
    )
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response.content.startswith(b"WEBVTT")


def test_video_listing_budget(api_client, video, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        assert api_client.api("/videos/", limit=100).status_code == 200
