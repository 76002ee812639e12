"""oEmbed: pasted page and video URLs embed themselves; hidden or foreign URLs are 404/400."""

import pytest

from tests.factories import AwarenessPageFactory, VideoPageFactory
from tests.support.pages import translate_page
from tests.support.privacy import privacy_world

pytestmark = pytest.mark.django_db

HOST = "http://testserver"


@pytest.fixture
def video(home_page, locales):
    page = VideoPageFactory(parent=home_page, slug="no-one")
    translate_page(page, locales["fa"], title="هیچ‌کس حق ندارد")
    return page


def test_video_page_url_gives_the_player_iframe(api_client, video):
    response = api_client.api("/oembed/", url=f"{HOST}/en/no-one/", maxwidth=320)
    assert response.status_code == 200
    body = response.json_body
    assert body["type"] == "video" and body["version"] == "1.0"
    assert body["width"] == 320 and body["height"] == 210
    assert f'src="{HOST}/embed/videos/{video.pk}/?locale=en"' in body["html"]
    assert body["html"].startswith("<iframe") and "<script" not in body["html"]


def test_embed_url_keeps_its_locale(api_client, video):
    url = f"{HOST}/embed/videos/{video.pk}/?locale=fa"
    body = api_client.api("/oembed/", url=url).json_body
    assert "?locale=fa" in body["html"] and body["width"] == 640


def test_pages_are_rich_cards(api_client, home_page, locales):
    page = AwarenessPageFactory(parent=home_page, slug="rights", title="Know your rights")
    translate_page(page, locales["ar"], title="اعرف حقوقك")
    body = api_client.api("/oembed/", url=f"{HOST}/ar/rights/").json_body
    assert body["type"] == "rich" and body["title"] == "اعرف حقوقك"
    assert 'lang="ar" dir="rtl"' in body["html"] and f'href="{HOST}/ar/rights/"' in body["html"]


def test_hidden_pages_are_not_found(
    api_client, home_page, locales, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        world = privacy_world(home_page, locales)
    for name in ("draft", "unpublished", "private", "withdrawn_child"):
        path = world[name].url_path.split("/", 2)[2]
        response = api_client.api("/oembed/", url=f"{HOST}/en/{path}")
        assert response.status_code == 404, name
        assert response.json_body["error"]["code"] == "not_found"


def test_bad_urls(api_client, video):
    assert api_client.api("/oembed/", url="not a url").status_code == 400
    assert api_client.api("/oembed/", url="https://elsewhere.example/en/no-one/").status_code == 404
    assert (
        api_client.api("/oembed/", url=f"{HOST}/embed/videos/{video.pk}/?locale=xx").status_code
        == 404
    )
    assert api_client.api("/oembed/", url=f"{HOST}/en/no-one/", maxwidth="wide").status_code == 400
    assert api_client.api("/oembed/", url=f"{HOST}/en/no-one/", format="xml").status_code == 501
    assert api_client.api("/oembed/").status_code == 400


def test_in_openapi(api_client):
    schema = api_client.get("/api/partner/v1/openapi.json").json()
    assert "/api/partner/v1/oembed/" in schema["paths"]
