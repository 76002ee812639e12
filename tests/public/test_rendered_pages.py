"""Rendered pages: navigation, oEmbed discovery, quick exit, web fonts, no third-party loads."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.factories import AwarenessPageFactory
from tests.support.pages import translate_page
from tests.support.privacy import privacy_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(home_page, locales, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        pages = privacy_world(home_page, locales)
        pages["about"] = AwarenessPageFactory(parent=home_page, title="About PROTECT", slug="about")
    return pages


def test_navigation_lists_visible_sections_only(client, world):
    html = client.get("/en/visible/").content.decode()
    nav = html.split('class="site-nav"')[1].split("</nav>")[0]
    assert "About PROTECT" in nav and 'href="/en/visible/" aria-current="page"' in nav
    for hidden in ("Draft", "Unpublished", "Private", "Withdrawn"):
        assert hidden not in nav


def test_oembed_discovery_link(client, world):
    html = client.get("/en/about/").content.decode()
    (href,) = re.findall(
        r'<link rel="alternate" type="application/json\+oembed" href="([^"]+)"', html
    )
    href = href.replace("&amp;", "&")
    assert parse_qs(urlsplit(href).query)["url"] == ["http://testserver/en/about/"]
    assert client.get(href).json()["type"] == "rich"


def test_quick_exit_fonts_and_nothing_third_party(client, world, locales):
    translate_page(world["about"], locales["ti"], title="ብዛዕባ PROTECT")
    html = client.get("/ti/about/").content.decode()
    assert "data-quick-exit" in html and "quick-exit.js" in html
    assert "public_site/fonts.css" in html
    loaded = re.findall(r'<(?:link|script|img)[^>]+(?:src|href)="(https?://[^"]+)"', html)
    assert all(url.startswith("http://testserver/") for url in loaded), loaded


def test_home_page_imagery_has_alt_text(client, world):
    html = client.get("/en/").content.decode()
    (img,) = re.findall(r'<img src="/static/public_site/img/protect-video.jpg"[^>]*>', html)
    assert 'alt="Still from the PROTECT awareness video' in img
