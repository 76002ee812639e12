"""/sitemap.xml: every visible page in every locale with hreflang alternates, on the public host;
nothing hidden (privacy fixtures); live pages under a withdrawn section answer 404."""

import xml.etree.ElementTree as ET

import pytest

from tests.support.pages import translate_page
from tests.support.privacy import privacy_world

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


@pytest.fixture
def world(home_page, locales, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        pages = privacy_world(home_page, locales)
        pages["visible_ar"] = translate_page(pages["visible"], locales["ar"], title="مرئي")
    return pages


def _entries(client, **headers):
    response = client.get("/sitemap.xml", **headers)
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    return {
        url.findtext("s:loc", namespaces=NS): {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)
        }
        for url in root.findall("s:url", NS)
    }


def test_every_locale_with_hreflang_and_x_default(client, world):
    entries = _entries(client)
    en = "http://testserver/en/visible/"
    ar = "http://testserver/ar/visible/"
    assert en in entries and ar in entries
    assert entries[ar] == {"en": en, "ar": ar, "x-default": en}
    assert entries[en] == entries[ar]
    assert "http://testserver/ar/" in entries  # the Arabic home page came with the translation


def test_nothing_hidden_is_listed(client, world):
    text = "".join(f"{loc} {alts}" for loc, alts in _entries(client).items())
    for slug in ("draft", "unpublished", "private", "withdrawn"):
        assert f"/{slug}/" not in text  # not even the section's slug
    assert "/fa/visible/" not in text  # the Farsi translation is a draft


def test_public_host_from_settings(client, world, settings):
    settings.PUBLIC_BASE_URL = "https://protect.example"
    entries = _entries(client)
    assert "https://protect.example/en/visible/" in entries
    assert all(loc.startswith("https://protect.example/") for loc in entries)


def test_request_host_without_setting(client, world, settings):
    settings.PUBLIC_BASE_URL = ""
    settings.ALLOWED_HOSTS = ["partner.example"]
    entries = _entries(client, HTTP_HOST="partner.example")
    assert "http://partner.example/en/visible/" in entries


def test_live_page_under_withdrawn_section_is_404(client, world):
    child = world["withdrawn_child"]
    child.refresh_from_db()
    assert child.live
    assert client.get("/en/withdrawn/withdrawn-child/").status_code == 404
    assert client.get("/en/visible/").status_code == 200


def test_sitemap_query_budget(client, world, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        assert client.get("/sitemap.xml").status_code == 200
