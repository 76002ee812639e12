"""/partner-demo/ in Arabic, in Chromium: labels from the catalogs, URLs and phone numbers kept
left-to-right inside the right-to-left layout, materials shown by title, language, format, size."""

import pytest

from tests.factories import CountryFactory, MaterialFactory, SupportServiceFactory

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.browser,
]

URL = "https://eu.iom.int/"
PHONE = "+30 210 123 4567"

# Where the first and last characters of an element's text are drawn: in an LTR island the
# first character is left of the last one, whatever the page's direction.
EDGES = """(node) => {
    const text = node.firstChild || node;
    const range = document.createRange();
    const at = (i) => { range.setStart(text, i); range.setEnd(text, i + 1); return range.getBoundingClientRect().left; };
    return [at(0), at(text.length - 1), getComputedStyle(node).direction];
}"""


@pytest.fixture
def content(home_page, locales):
    CountryFactory(code="GR", name="Greece", locale=locales["en"])
    SupportServiceFactory(
        name="IOM Greece", country="GR", phone=PHONE, url=URL, locale=locales["en"]
    )
    MaterialFactory(title="Leaflet for children in Greece", countries=["GR"], locale=locales["en"])


def test_arabic_partner_page(browser_page, live_server, content):
    page = browser_page
    page.goto(live_server.url + "/partner-demo/")
    page.wait_for_selector("body[data-ready]")
    page.select_option("#language", "ar")
    page.wait_for_selector("body[data-ready='ar']")
    page.select_option("#country", "GR")
    page.wait_for_selector(".service")
    assert page.locator("#materials-heading").inner_text() == "المواد"
    assert page.locator("#services-heading").inner_text() == "خدمات الدعم"
    assert page.locator("#audience option").first.inner_text() == "الكل"
    assert page.evaluate("document.documentElement.dir") == "rtl"

    url_link = page.locator(".service a[href^='https']")
    assert url_link.inner_text() == URL
    first, last, direction = url_link.locator("bdi").evaluate(EDGES)
    assert direction == "ltr" and first < last  # "https…/" reads left to right, not "/https…"
    first, last, direction = page.locator(".service a[href^='tel:'] bdi").evaluate(EDGES)
    assert direction == "ltr" and first < last

    material = page.locator(".material li").first
    assert material.locator("a").inner_text() == "Leaflet for children in Greece"
    details = material.inner_text()
    assert "English" in details and "PDF" in details and "KB" in details
    assert material.locator("a").get_attribute("download").startswith("document-")
