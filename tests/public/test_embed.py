"""The embeddable player: every published track in the HTML, the served locale's default, no
cookies, no third-party requests, labels in the requested language; the editors' snippet."""

import re

import pytest
from wagtail_localize.models import TranslationSource

from tests.factories import VideoPageFactory
from tests.support.pages import translate_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def video(home_page, locales):
    page = VideoPageFactory(parent=home_page, slug="no-one")
    translate_page(page, locales["fa"], title="هیچ‌کس حق ندارد به شما آسیب برساند")
    translate_page(page, locales["ti"], publish=False)  # a draft: no track
    return page


def test_tracks_in_html_with_served_default(client, video):
    response = client.get(f"/embed/videos/{video.pk}/?locale=fa")
    assert response.status_code == 200
    html = response.content.decode()
    tracks = re.findall(r"<track [^>]*>", html)
    assert [re.search(r'srclang="(\w+)"', t).group(1) for t in tracks] == ["en", "fa"]
    (default,) = [t for t in tracks if " default" in t]
    assert 'srclang="fa"' in default
    assert '<html lang="fa" dir="rtl">' in html
    assert "<bdi>هیچ‌کس" in html
    assert "data-quick-exit" in html
    assert 'srclang="ti"' not in html


def test_no_cookies_and_no_third_party(client, video, admin_user):
    client.force_login(admin_user)  # even a logged-in editor's session is not touched
    response = client.get(f"/embed/videos/{video.pk}/")
    assert not response.cookies
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert "X-Frame-Options" not in response
    assert response["Referrer-Policy"] == "no-referrer"
    html = response.content.decode()
    # Every src/href loads from this site, except the video host the editor chose and links.
    loaded = re.findall(r'(?:src|href)="(https?://[^"]+)"', html)
    assert set(loaded) <= {video.video_url, "https://www.wikipedia.org/"}


def test_bad_and_hidden(client, video, home_page):
    assert client.get(f"/embed/videos/{video.pk}/?locale=xx").status_code == 400
    assert client.get("/embed/videos/999999/").status_code == 404
    draft = VideoPageFactory(parent=home_page, slug="draft-video", live=False, publish=False)
    assert client.get(f"/embed/videos/{draft.pk}/").status_code == 404


def test_editors_see_the_snippet(client, video, admin_user):
    client.force_login(admin_user)
    html = client.get(f"/admin/pages/{video.pk}/edit/").content.decode()
    assert "data-embed-snippet" in html
    assert f"/embed/videos/{video.pk}/?locale=en" in html
    assert "&lt;iframe" in html and "script" not in html.split("data-embed-snippet")[1][:600]


def test_labels_in_requested_language(client, video):
    html = client.get(f"/embed/videos/{video.pk}/?locale=ar").content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert "خروج سريع" in html  # "Quick exit" from locale/ar (see test_labels in test_i18n)


def test_outdated_tracks_are_marked(client, video):
    # The English source's timing changes after the Farsi translation was published.
    TranslationSource.get_or_create_from_instance(video)
    cues = list(video.cues.raw_data)
    cues[0]["value"]["end_ms"] += 100
    video.cues = cues
    video.save_revision().publish()
    html = client.get(f"/embed/videos/{video.pk}/?locale=en").content.decode()
    (fa,) = re.findall(r'<track [^>]*srclang="fa"[^>]*>', html)
    assert "data-outdated" in fa and "(outdated)" in fa
    (en,) = re.findall(r'<track [^>]*srclang="en"[^>]*>', html)
    assert "data-outdated" not in en
    assert "Outdated subtitles may not match the video." in html
