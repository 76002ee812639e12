"""The reference partner page in headless Chromium, against the real API on a live server."""

import pytest
from playwright.sync_api import expect

from cms import languages
from materials.choices import Audience
from tests.factories import CountryFactory, MaterialFactory, VideoPageFactory
from tests.support.pages import translate_page
from tests.support.subtitles import cue_blocks

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.browser,
]


def _cues(text):
    return cue_blocks([(0, 2000, text), (2500, 4000, text + " 2")])


@pytest.fixture
def demo_content(home_page, locales):
    video = VideoPageFactory(
        parent=home_page,
        slug="video",
        duration_seconds=None,
        cues=_cues("No one has the right to hurt you"),
    )
    for language in languages.all_languages():
        if language.code != "en":
            translate_page(video, locales[language.code], cues=_cues(language.native_name))
    for code, name in (("GR", "Greece"), ("IT", "Italy")):
        CountryFactory(code=code, name=name, locale=locales["en"], publish=False)
    for title, audience, country in (
        ("Leaflet for children in Greece", Audience.CHILDREN, "GR"),
        ("Training for professionals in Italy", Audience.PROFESSIONALS, "IT"),
    ):
        MaterialFactory(
            title=title,
            audiences=[audience],
            countries=[country],
            summary="Where to find help.",
            locale=locales["en"],
        )
    return video


def test_partner_page(browser_page, live_server, demo_content):
    page = browser_page
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(live_server.url + "/partner-demo/")
    page.wait_for_selector("body[data-ready='en']")
    assert page.locator("#language option").count() == 23

    # The video carries all 23 tracks, and every track's cues load.
    assert page.locator("video track").count() == 23
    loaded = page.evaluate(
        """async () => {
            const video = document.querySelector("video");
            for (const track of video.textTracks) track.mode = "hidden";
            const deadline = Date.now() + 15000;
            while (Date.now() < deadline) {
                const counts = [...video.textTracks].map((t) => (t.cues ? t.cues.length : 0));
                if (counts.every((n) => n > 0)) return counts;
                await new Promise((resolve) => setTimeout(resolve, 100));
            }
            return [...video.textTracks].map((t) => (t.cues ? t.cues.length : 0));
        }"""
    )
    assert loaded == [2] * 23
    assert page.locator("video track[default]").get_attribute("srclang") == "en"

    # Filtering materials shows the right items.
    assert page.locator(".material").count() == 2
    page.select_option("#audience", "children")
    expect(page.locator(".material")).to_have_count(1)  # polls without eval (the page's CSP)
    assert "Leaflet for children in Greece" in page.locator(".material h3").inner_text()
    page.select_option("#audience", "")
    page.select_option("#country", "IT")
    expect(page.locator(".material")).to_have_count(1)  # polls without eval (the page's CSP)
    assert "Italy" in page.locator(".material h3").inner_text()

    # Switching to Arabic flips the layout and serves the Arabic track by default.
    page.select_option("#language", "ar")
    page.wait_for_selector("body[data-ready='ar']")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    assert page.locator("video track[default]").get_attribute("srclang") == "ar"
    assert errors == []
