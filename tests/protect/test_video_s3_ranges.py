"""Video range requests on S3: one ranged GET of the requested bytes, never the whole object.

Bytes pulled are what the loopback S3 server sent, counted from botocore's GetObject answers.
"""

import os

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from protect.models import VideoPage
from tests.support.s3 import s3, s3_server  # noqa: F401
from tests.support.uploads import MP4

pytestmark = pytest.mark.django_db
SIZE = 8 * 1024 * 1024


@pytest.fixture
def s3_video(s3, video_page):  # noqa: F811
    data = MP4 + os.urandom(SIZE - len(MP4))
    video_page.video_file.save("awareness.mp4", ContentFile(data), save=False)
    video_page.video_url = ""
    video_page.save_revision().publish()
    return VideoPage.objects.get(pk=video_page.pk), data


@pytest.fixture
def pulled():
    """Bytes in the body of every S3 GetObject answer while the test runs."""
    counts = []
    events = default_storage.connection.meta.client.meta.events

    def count(http_response, parsed, **kwargs):
        counts.append(int(parsed.get("ContentLength", 0)))

    events.register("after-call.s3.GetObject", count)
    yield counts
    events.unregister("after-call.s3.GetObject", count)


def get(client, page, **headers):
    return client.get(f"/api/partner/v1/videos/{page.pk}/video.mp4", **headers)


def test_range_request_pulls_only_the_range(client, s3_video, pulled):
    page, data = s3_video
    start, end = 5_000_000, 5_065_535
    response = get(client, page, HTTP_RANGE=f"bytes={start}-{end}")
    body = b"".join(response.streaming_content)
    assert response.status_code == 206
    assert response["Content-Range"] == f"bytes {start}-{end}/{SIZE}"
    assert body == data[start : end + 1]
    print(f"bytes pulled from S3 for a 64 KiB range of an 8 MiB video: {sum(pulled)}")
    assert pulled == [end - start + 1]


def test_suffix_range_and_several_seeks(client, s3_video, pulled):
    page, data = s3_video
    for header, expected in (("bytes=-1000", data[-1000:]), ("bytes=0-1", data[:2])):
        response = get(client, page, HTTP_RANGE=header)
        assert response.status_code == 206
        assert b"".join(response.streaming_content) == expected
    assert pulled == [1000, 2]


def test_head_pulls_nothing(client, s3_video, pulled):
    page, _ = s3_video
    response = client.head(f"/api/partner/v1/videos/{page.pk}/video.mp4")
    assert response.status_code == 200
    assert response["Content-Length"] == str(SIZE)
    assert pulled == []
