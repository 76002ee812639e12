"""The reference partner page in headless Chromium, against the real API on a live server."""

import pytest
from django.core.files.base import ContentFile

from cms import languages
from protect.models import VideoPage
from tests.api.conftest import translate_page

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.browser,
]


def _pdf(text: str) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("helvetica", size=12)
    pdf.add_page()
    pdf.cell(text=text)
    return bytes(pdf.output())


def _cues(text):
    return [
        {"type": "cue", "value": {"start_ms": 0, "end_ms": 2000, "text": text}},
        {"type": "cue", "value": {"start_ms": 2500, "end_ms": 4000, "text": text + " 2"}},
    ]


@pytest.fixture
def demo_content(home_page, locales):
    from wagtail.models import Collection

    from materials.choices import Audience, FileFormat, Kind
    from materials.models import Country, Material
    from materials.services import new_material_file

    video = VideoPage(
        title="No One Has the Right to Hurt You",
        slug="video",
        description="IOM's awareness video.",
        video_url="https://media.example.org/no-one.mp4",
        cues=_cues("No one has the right to hurt you"),
    )
    home_page.add_child(instance=video)
    video.save_revision().publish()
    video.refresh_from_db()
    for language in languages.all_languages():
        if language.code != "en":
            translate_page(video, locales[language.code], cues=_cues(language.native_name))
    for code, name in (("GR", "Greece"), ("IT", "Italy")):
        Country.objects.create(code=code, name=name, locale=locales["en"])
    for title, audience, country in (
        ("Leaflet for children in Greece", Audience.CHILDREN, "GR"),
        ("Training for professionals in Italy", Audience.PROFESSIONALS, "IT"),
    ):
        material = Material(
            live=False,
            kind=Kind.INFORMATION,
            audiences=[audience],
            countries=[country],
            title=title,
            summary="Where to find help.",
            locale=locales["en"],
        )
        material.save()
        material.files.add(
            new_material_file(
                ContentFile(_pdf(title), name="leaflet.pdf"),
                material=material,
                language="en",
                file_format=FileFormat.SCREEN,
                # A transactional test may have flushed the migrated root collection.
                collection=Collection.get_first_root_node() or Collection.add_root(name="Root"),
            )
        )
        material.save_revision().publish()
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
    page.wait_for_function("document.querySelectorAll('.material').length === 1")
    assert "Leaflet for children in Greece" in page.locator(".material h3").inner_text()
    page.select_option("#audience", "")
    page.select_option("#country", "IT")
    page.wait_for_function("document.querySelectorAll('.material').length === 1")
    assert "Italy" in page.locator(".material h3").inner_text()

    # Switching to Arabic flips the layout and serves the Arabic track by default.
    page.select_option("#language", "ar")
    page.wait_for_selector("body[data-ready='ar']")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    assert page.locator("video track[default]").get_attribute("srclang") == "ar"
    assert errors == []
