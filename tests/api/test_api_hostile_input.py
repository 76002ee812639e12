"""Hostile partner-API input: every parameter is a bounded, validated type; the answer is a clear
JSON 4xx, never a 5xx and never a misreported 503."""

import json

import pytest
from openapi_spec_validator import validate

pytestmark = pytest.mark.django_db

API = "/api/partner/v1"


def _error(response) -> dict:
    assert response["Content-Type"].startswith("application/json"), response.content[:200]
    return json.loads(response.content)["error"]


@pytest.mark.parametrize(
    "url",
    [
        "/pages/?search=%00",
        "/pages/?locale=%00",
        "/pages/?fallback=en,%00",
        "/pages/by-path/?path=http://[/",
        "/pages/by-path/?path=%00",
        "/pages/9223372036854775808/",
        "/pages/?limit=9223372036854775808",
        "/pages/?offset=-1",
        "/videos/9223372036854775808/",
        "/videos/2147483648/tracks/en.vtt",
        "/videos/9223372036854775808/tracks/en.vtt",
        "/videos/9223372036854775808/transcript/en.txt",
        "/videos/9223372036854775808/video.mp4",
        "/materials/9223372036854775808/",
        "/materials/?search=%00",
        "/services/?country=%00",
        "/countries/ZZZZZZZZZZZZ/",
        "/changes/?since=notadate",
        "/changes/?since=9999999999999999999999",
    ],
)
def test_hostile_parameter_is_a_json_4xx(api_client, home_page, url):
    response = api_client.get(API + url)
    assert 400 <= response.status_code < 500, (url, response.status_code, response.content[:300])
    assert _error(response)["code"] != "database_unavailable"


@pytest.mark.parametrize("search", ['"PROTECT', 'PROTECT")(', "PROTECT*", "'PROTECT':"])
def test_search_syntax_is_read_as_words(api_client, home_page, search):
    response = api_client.get(API + "/pages/", {"search": search})
    assert response.status_code == 200, response.content[:300]
    assert home_page.pk in [item["id"] for item in json.loads(response.content)["items"]]


def test_search_of_punctuation_only_finds_nothing(api_client, home_page):
    response = api_client.get(API + "/pages/", {"search": '"()*'})
    assert response.status_code == 200
    assert json.loads(response.content)["count"] == 0


def test_if_none_match_star_on_missing_page_is_404(api_client, home_page):
    response = api_client.get(API + "/pages/999999/", HTTP_IF_NONE_MATCH="*")
    assert response.status_code == 404
    assert _error(response)["code"] == "not_found"


def test_if_none_match_star_on_existing_page_is_304(api_client, home_page):
    response = api_client.get(API + f"/pages/{home_page.pk}/", HTTP_IF_NONE_MATCH="*")
    assert response.status_code == 304


@pytest.mark.parametrize("path", ["/api/partner/v1/pages", "/api/partner/v1", "/api/partner/v1/x"])
def test_api_paths_without_slash_answer_json(api_client, home_page, path):
    response = api_client.get(path)
    assert response.status_code in (301, 404), response.status_code
    if response.status_code == 301:
        assert response["Location"].endswith(path + "/")
        assert not response["Location"].startswith("/en/")
    else:
        assert _error(response)["code"] == "not_found"


def test_openapi_document_validates_and_bounds_every_parameter(api_client):
    document = api_client.api("/openapi.json").json_body
    validate(document)  # raises on the first violation of OpenAPI 3.1
    operations = [op for ops in document["paths"].values() for op in ops.values()]
    for operation in operations:
        for parameter in operation["parameters"]:
            options = parameter["schema"].get("anyOf", [parameter["schema"]])
            for option in options:
                if option.get("type") == "integer" and parameter["in"] == "path":
                    assert option.get("maximum") == 2**31 - 1, parameter
                if option.get("type") == "string" and parameter["in"] == "query":
                    assert "enum" in option or "maxLength" in option, parameter
    locale = next(
        p
        for p in document["paths"]["/api/partner/v1/pages/"]["get"]["parameters"]
        if p["name"] == "locale"
    )
    assert "fa" in next(o for o in locale["schema"]["anyOf"] if o.get("type") == "string")["enum"]


@pytest.mark.parametrize(
    ("search", "fragment"),
    [
        ("\u202e112", "U+202E RIGHT-TO-LEFT OVERRIDE"),
        ("\u2067مساعدة", "U+2067 RIGHT-TO-LEFT ISOLATE in column 1 is never closed"),
    ],
)
def test_bidi_override_or_unbalanced_isolate_in_a_parameter_is_a_400(
    api_client, home_page, search, fragment
):
    response = api_client.get(API + "/pages/", {"search": search})
    assert response.status_code == 400
    error = _error(response)
    assert error["code"] == "invalid_parameter" and fragment in error["message"]


def test_rtl_search_with_marks_and_isolates_is_accepted(api_client, home_page):
    response = api_client.get(API + "/pages/", {"search": "\u200fمساعدة \u2066PROTECT\u2069"})
    assert response.status_code == 200, response.content[:300]
