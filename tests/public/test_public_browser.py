"""In Chromium: axe-core finds no violations on the embed, /partner-demo/ and rendered pages in
en, ar, fa, ti; Tigrinya and Arabic render with the self-hosted fonts (no missing glyphs)."""

from pathlib import Path

import pytest

from tests.factories import AwarenessPageFactory, VideoPageFactory
from tests.support.axe import violations
from tests.support.pages import translate_page

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.browser,
]

LANGUAGES = ("en", "ar", "fa", "ti")
TITLES = {
    "en": "Know your rights",
    "ar": "اعرف حقوقك",
    "fa": "حقوق خود را بدانید",
    "ti": "መሰረታዊ መሰላትካ ፍለጥ",
}
SHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"


@pytest.fixture
def site(home_page, locales):
    about = AwarenessPageFactory(parent=home_page, title=TITLES["en"], slug="rights")
    video = VideoPageFactory(parent=home_page, slug="video")
    for code in LANGUAGES[1:]:
        translate_page(about, locales[code], title=TITLES[code])
        translate_page(video, locales[code])
    return {"video": video}


@pytest.fixture
def browser_page(browser):
    """A page that may inject axe into the embed despite its CSP (script-src 'self')."""
    context = browser.new_context(bypass_csp=True)
    yield context.new_page()
    context.close()


def _open(page, url):
    page.goto(url)
    page.evaluate("document.fonts.ready")


def test_no_accessibility_violations(browser_page, live_server, site):
    urls = [f"/embed/videos/{site['video'].pk}/?locale={code}" for code in LANGUAGES]
    urls += [f"/{code}/" for code in LANGUAGES] + [f"/{code}/rights/" for code in LANGUAGES]
    found = {}
    for url in urls:
        _open(browser_page, live_server.url + url)
        found[url] = violations(browser_page)
    browser_page.goto(live_server.url + "/partner-demo/")
    browser_page.wait_for_selector("body[data-ready]")
    found["/partner-demo/"] = violations(browser_page)
    browser_page.select_option("#language", "fa")
    browser_page.wait_for_selector("body[data-ready='fa']")
    found["/partner-demo/ (fa)"] = violations(browser_page)
    assert browser_page.locator("#materials-heading").inner_text() == "مطالب"
    assert {url: v for url, v in found.items() if v} == {}


# Text measured in the page's web font and in a generic fallback: equal widths would mean the
# web font has no glyph for it (the browser fell back to another font, or a missing-glyph box).
# Each character of the script is measured on its own, so one missing glyph cannot hide.
MEASURE = r"""async ([text, family, script]) => {
    const loaded = await document.fonts.load(`32px "${family}"`, text);
    const c = document.createElement("canvas").getContext("2d");
    const width = (font, s) => { c.font = font; return c.measureText(s).width; };
    const letters = [...new Set(text)].filter((ch) => new RegExp(`\\p{Script=${script}}`, "u").test(ch));
    return {
        loaded: loaded.length, check: document.fonts.check(`32px "${family}"`, text), letters: letters.length,
        fallback: letters.filter((ch) =>
            width(`32px "${family}", monospace`, ch) === width("32px monospace", ch)),
    };
}"""


@pytest.mark.parametrize(
    "code,family,script",
    [("ti", "Noto Sans Ethiopic", "Ethiopic"), ("ar", "Noto Naskh Arabic", "Arabic")],
)
def test_scripts_render_with_the_web_fonts(browser_page, live_server, site, code, family, script):
    SHOTS.mkdir(parents=True, exist_ok=True)
    _open(browser_page, f"{live_server.url}/{code}/rights/")
    browser_page.screenshot(path=str(SHOTS / f"rights-{code}.png"), full_page=True)
    text = browser_page.locator("main").inner_text() + browser_page.locator("header").inner_text()
    assert TITLES[code] in text
    result = browser_page.evaluate(MEASURE, [text, family, script])
    assert result["loaded"] >= 1 and result["check"], result
    assert result["letters"] >= 10, result  # the page really is in that script
    assert result["fallback"] == [], result


@pytest.mark.parametrize("how", ["click", "escape-twice"])
def test_quick_exit_replaces_the_history_entry(browser_page, live_server, site, how):
    page = browser_page
    # The neutral site is answered locally: the test makes no request outside the machine.
    page.route("https://www.wikipedia.org/**", lambda route: route.fulfill(body="<p>neutral</p>"))
    page.goto(live_server.url + "/en/")
    page.goto(live_server.url + "/en/rights/")
    if how == "click":
        page.locator("[data-quick-exit]").click()
    else:
        page.locator("body").press("Escape")
        page.locator("body").press("Escape")
    page.wait_for_url("https://www.wikipedia.org/**")
    page.go_back()
    assert page.url == live_server.url + "/en/"  # Back skips the page that was left
