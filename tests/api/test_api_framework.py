"""The framework every endpoint shares: errors, methods, caching headers, 304, OpenAPI, docs."""

import json

import pytest
from django.core.cache import cache
from django.db import OperationalError

from cms import languages
from cms.api import caching
from cms.api.api import api
from cms.api.middleware import CACHE_CONTROL

pytestmark = pytest.mark.django_db


def test_locales_lists_the_23_languages_with_direction(api_client):
    response = api_client.api("/locales/")
    assert response.status_code == 200
    body = response.json_body
    assert body["count"] == 23 == len(body["items"])
    by_code = {item["code"]: item for item in body["items"]}
    assert {code for code, item in by_code.items() if item["dir"] == "rtl"} == {
        "ar",
        "fa",
        "prs",
        "ps",
        "ur",
        "ckb",
    }
    assert by_code["ti"]["native_name"] == "ትግርኛ"
    assert [code for code, item in by_code.items() if item["is_default"]] == ["en"]
    assert "ትግርኛ".encode() in response.content  # not \\u-escaped


def test_every_200_carries_validators_and_cache_control(api_client):
    response = api_client.api("/locales/")
    assert response["Cache-Control"] == CACHE_CONTROL
    assert response["ETag"].startswith('W/"')
    assert response["Last-Modified"].endswith("GMT")


def test_matching_if_none_match_is_304_without_body(api_client, django_assert_max_num_queries):
    etag = api_client.api("/locales/")["ETag"]
    with django_assert_max_num_queries(1):  # at most the content version, once a second
        response = api_client.get("/api/partner/v1/locales/", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag


def test_if_modified_since_is_honoured(api_client):
    last_modified = api_client.api("/locales/")["Last-Modified"]
    response = api_client.get("/api/partner/v1/locales/", HTTP_IF_MODIFIED_SINCE=last_modified)
    assert response.status_code == 304


def test_second_request_is_served_from_cache(api_client):
    assert api_client.api("/locales/")["X-Cache"] == "miss"
    assert api_client.api("/locales/")["X-Cache"] == "hit"


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_write_methods_are_405_json(api_client, method):
    response = getattr(api_client, method)("/api/partner/v1/locales/")
    assert response.status_code == 405
    assert json.loads(response.content)["error"]["code"] == "method_not_allowed"
    assert response["Allow"] == "GET, HEAD, OPTIONS"


def test_head_has_headers_and_no_body(api_client):
    response = api_client.head("/api/partner/v1/locales/")
    assert response.status_code == 200
    assert response.content == b""
    assert response["ETag"]


def test_unknown_path_is_json_404(api_client):
    response = api_client.get("/api/partner/v1/nothing-here/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert json.loads(response.content)["error"]["code"] == "not_found"


@pytest.mark.parametrize(
    "query, code, fragment",
    [
        ({"locale": "xx"}, "unknown_locale", "locale: unknown language code 'xx'"),
        ({"locale": "en", "fallback": "zz"}, "unknown_locale", "fallback: unknown"),
        ({"fallback": "fa,,en"}, "invalid_parameter", "fallback"),
        ({"limit": "0"}, "invalid_parameter", "limit"),
        ({"limit": "101"}, "invalid_parameter", "limit"),
        ({"limit": "ten"}, "invalid_parameter", "limit"),
        ({"offset": "-1"}, "invalid_parameter", "offset"),
        ({"offset": "10001"}, "invalid_parameter", "offset"),
        ({"type": "auth.User"}, "unknown_type", "protect.AwarenessPage"),
    ],
)
def test_bad_parameters_are_400_saying_what_and_where(api_client, query, code, fragment):
    response = api_client.api("/pages/", **query)
    assert response.status_code == 400, response.content
    assert response.json_body["error"]["code"] == code
    assert fragment in response.json_body["error"]["message"]
    assert response["Cache-Control"] == "no-store"


def test_database_outage_is_503_json_with_retry_after(api_client, monkeypatch):
    def unreachable():
        raise OperationalError("could not connect to server: Connection refused")

    monkeypatch.setattr(caching, "current_version", unreachable)
    response = api_client.api("/pages/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response.json_body["error"]["code"] == "database_unavailable"
    assert b"connect" not in response.content


def test_cache_outage_degrades_to_uncached_answers(api_client, monkeypatch):
    def broken(*args, **kwargs):
        raise ConnectionError("redis down")

    monkeypatch.setattr(cache, "get", broken)
    monkeypatch.setattr(cache, "set", broken)
    response = api_client.api("/locales/")
    assert response.status_code == 200
    assert response.json_body["count"] == 23


def test_openapi_document_is_3_1_and_built_once(api_client):
    response = api_client.api("/openapi.json")
    assert response.status_code == 200
    document = response.json_body
    assert document["openapi"].startswith("3.1")
    assert api.get_openapi_schema(path_prefix="/api/partner/v1/") is api.get_openapi_schema(
        path_prefix="/api/partner/v1/"
    )
    locale_param = next(
        p
        for p in document["paths"]["/api/partner/v1/pages/"]["get"]["parameters"]
        if p["name"] == "locale"
    )
    assert languages.codes() == next(
        option["enum"] for option in locale_param["schema"]["anyOf"] if "enum" in option
    )


def test_docs_work_offline(api_client):
    response = api_client.get("/api/partner/v1/docs")
    assert response.status_code == 200
    html = response.content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in html
    assert "cdn" not in html.lower()


def test_every_operation_documents_headers_and_shared_errors(api_client):
    document = api_client.api("/openapi.json").json_body
    paths = document["paths"]
    assert {
        "/api/partner/v1/locales/",
        "/api/partner/v1/pages/",
        "/api/partner/v1/pages/{page_id}/",
        "/api/partner/v1/pages/by-path/",
        "/api/partner/v1/videos/",
        "/api/partner/v1/videos/{video_id}/",
        "/api/partner/v1/videos/{id}/tracks/{lang}.vtt",
        "/api/partner/v1/videos/{id}/transcript/{lang}.txt",
        "/api/partner/v1/changes/",
    } <= set(paths)
    for path, operations in paths.items():
        for operation in operations.values():
            responses = operation["responses"]
            assert {"200", "304"} <= set(responses), path
            assert "ETag" in responses["200"]["headers"], path
    vtt = paths["/api/partner/v1/videos/{id}/tracks/{lang}.vtt"]["get"]["responses"]["200"]
    assert "text/vtt" in vtt["content"]


def test_plain_options_answers_allow(api_client):
    response = api_client.options("/api/partner/v1/pages/")
    assert response.status_code == 204
    assert response["Allow"] == "GET, HEAD, OPTIONS"


def test_empty_listing_still_says_its_language(api_client):
    response = api_client.api("/pages/", locale="ti", type="protect.AwarenessPage")
    assert response.json_body["count"] == 0
    assert response["Content-Language"] == "ti"
