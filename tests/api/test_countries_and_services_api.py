"""Contract tests: /countries/ and /services/ of the partner API."""

import datetime

import pytest

from protect.models import AwarenessPage
from tests.factories import CountryFactory, SupportServiceFactory
from tests.support.translation import localize

pytestmark = pytest.mark.django_db


@pytest.fixture
def services(locales, django_capture_on_commit_callbacks):
    en = locales["en"]
    greece = CountryFactory(code="GR", name="Greece", locale=en, legal_framework="<p>Law</p>")
    italy = CountryFactory(code="IT", name="Italy", locale=en)
    line = SupportServiceFactory(
        name="SOS line", country="GR", phone="15900", audiences=["women"], locale=en
    )
    emergency = SupportServiceFactory(
        name="Emergency",
        country="GR",
        phone="112",
        audiences=["women", "men", "children", "lgbti"],
        is_emergency=True,
        verified_at=datetime.date(2026, 11, 1),
        locale=en,
    )
    SupportServiceFactory(name="EU line", country="EU", phone="116 006", locale=en)
    for obj in (greece, italy, line, emergency):
        localize(obj, ["ar"], django_capture_on_commit_callbacks)
    return {"line": line, "emergency": emergency}


def test_countries_are_localised_with_service_counts(api_client, services):
    response = api_client.api("/countries/")
    assert response.status_code == 200
    items = {item["code"]: item for item in response.json_body["items"]}
    assert set(items) == {"GR", "IT"}  # EU-wide is not a project country
    assert items["GR"]["name"] == "Greece" and items["GR"]["services_count"] == 2
    assert items["IT"]["services_count"] == 0
    assert items["GR"]["legal_framework"] == "<p>Law</p>"
    arabic = api_client.api("/countries/", locale="ar").json_body["items"]
    assert {item["locale"] for item in arabic} == {"ar"}
    assert api_client.api("/countries/", locale="ti").json_body["count"] == 0


def test_services_filter_order_and_verification(api_client, services):
    response = api_client.api("/services/", country="gr")
    items = response.json_body["items"]
    assert [item["name"] for item in items] == ["Emergency", "SOS line"]
    assert items[0]["is_emergency"] is True and items[0]["is_verified"] is True
    assert items[1]["is_verified"] is False and items[1]["verified_at"] is None
    assert items[1]["phone"] == "15900" and items[1]["audiences"] == ["women"]
    women = api_client.api("/services/", audience="children").json_body["items"]
    assert [item["name"] for item in women] == ["Emergency"]
    eu = api_client.api("/services/", country="EU").json_body["items"]
    assert [item["phone"] for item in eu] == ["116 006"]
    arabic = api_client.api("/services/", country="GR", locale="ar").json_body
    assert arabic["count"] == 2 and {i["locale"] for i in arabic["items"]} == {"ar"}
    assert api_client.api("/services/", locale="ti").json_body["count"] == 0


def test_country_rich_text_hides_non_public_links_and_scripts(api_client, locales, home_page):
    draft = AwarenessPage(title="Draft", slug="draft", live=False)
    home_page.add_child(instance=draft)
    CountryFactory(
        locale=locales["en"],
        legal_framework=(
            f'<p><a linktype="page" id="{draft.id}">draft page</a> '
            f'<a linktype="page" id="{home_page.id}">home</a> '
            '<a href="javascript:alert(1)">bad</a></p>'
        ),
    )
    html = api_client.api("/countries/").json_body["items"][0]["legal_framework"]
    assert "draft page" in html and f"/{draft.slug}/" not in html
    assert "href=" in html and "home" in html  # the live page stays a link
    assert "javascript:" not in html
