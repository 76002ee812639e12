"""Fault: an image rendition that cannot be written (disk full, S3 down) degrades to no
rendition — the video listing without a poster, oEmbed without a thumbnail — never a 500, and
the degraded answer is not cached: the next request after the storage is back has the poster."""

import errno
import json

import pytest
from django.core.files.storage import default_storage
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from tests.factories import AwarenessPageFactory, VideoPageFactory

pytestmark = pytest.mark.django_db
API = "/api/partner/v1"


def api(client, path, **params):
    response = client.get(API + path, params)
    assert response.status_code == 200, response.content[:500]
    return response, json.loads(response.content)


@pytest.fixture
def video(home_page):
    poster = get_image_model().objects.create(
        title="Poster", file=get_test_image_file("poster.png", size=(800, 450))
    )
    return VideoPageFactory(parent=home_page, slug="no-one", poster=poster, poster_alt="A road")


def served_everywhere_without_poster(client, video):
    listing, body = api(client, "/videos/", locale="en")
    (item,) = body["items"]
    assert item["id"] == video.pk and item["video"]["poster"] is None
    assert listing["Cache-Control"] == "no-store" and "ETag" not in listing
    _, detail = api(client, f"/videos/{video.pk}/", locale="en")
    assert detail["video"]["poster"] is None and detail["tracks"]
    _, oembed = api(client, "/oembed/", url=f"http://testserver/en/{video.slug}/")
    assert oembed["type"] == "video" and oembed.get("thumbnail_url") is None
    for page in (f"/en/{video.slug}/", f"/embed/videos/{video.pk}/?locale=en"):
        rendered = client.get(page)
        assert rendered.status_code == 200 and b"<video" in rendered.content
        assert b'poster="' not in rendered.content


def test_full_disk_gives_no_poster_then_the_poster_once_space_is_back(client, video, monkeypatch):
    with monkeypatch.context() as patch:
        patch.setattr(default_storage, "_save", _refuse)
        served_everywhere_without_poster(client, video)
        assert not video.poster.renditions.exists()  # nothing half-saved
    listing, body = api(client, "/videos/", locale="en")
    poster = body["items"][0]["video"]["poster"]
    assert poster["url"].startswith("http://") and poster["alt"] == "A road"
    assert (poster["width"], poster["height"]) == (800, 450)
    assert listing["X-Cache"] == "miss" and "ETag" in listing
    _, oembed = api(client, "/oembed/", url=f"http://testserver/en/{video.slug}/")
    assert oembed["thumbnail_url"].startswith("http://") and oembed["thumbnail_width"] == 640


def test_content_image_whose_renditions_fail_is_left_out(client, home_page, monkeypatch):
    image = get_image_model().objects.create(title="Map", file=get_test_image_file("map.png"))
    page = AwarenessPageFactory(
        parent=home_page,
        slug="map",
        body=[{"type": "image", "value": {"image": image.pk, "alt_text": "Map", "caption": ""}}],
    )
    monkeypatch.setattr(default_storage, "_save", _refuse)
    response, body = api(client, f"/pages/{page.pk}/", locale="en")
    assert [block["value"]["image"] for block in body["body"]] == [None]
    assert response["Cache-Control"] == "no-store"


def test_s3_down_gives_no_poster(client, home_page, s3_stoppable):
    server, _client, _bucket = s3_stoppable
    poster = get_image_model().objects.create(
        title="Poster", file=get_test_image_file("poster.png", size=(800, 450))
    )
    video = VideoPageFactory(parent=home_page, slug="no-one", poster=poster)
    server.stop()
    served_everywhere_without_poster(client, video)


def _refuse(name, content):
    raise OSError(errno.ENOSPC, "No space left on device", name)
