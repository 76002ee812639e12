"""Contract tests: /materials/ of the partner API (countries and services: their own module)."""

import pytest
from wagtail.models import Collection, CollectionViewRestriction

from tests.factories import MaterialFactory
from tests.support.translation import localize

pytestmark = pytest.mark.django_db


@pytest.fixture
def library(locales, django_capture_on_commit_callbacks):
    en = locales["en"]
    leaflet = MaterialFactory(
        locale=en, files=[("en", "screen"), ("ar", "screen"), ("en", "print")]
    )
    translated = localize(leaflet, ["ar", "ti"], django_capture_on_commit_callbacks)
    toolkit = MaterialFactory(
        locale=en,
        kind="training",
        audiences=["professionals", "teachers"],
        countries=["EU"],
        title="Training toolkit",
        reference_number="PROTECT-TRN",
    )
    old = MaterialFactory(
        locale=en,
        kind="training",
        audiences=["professionals"],
        countries=["EU"],
        title="Pilot toolkit",
        status="superseded",
        superseded_by=toolkit,
    )
    withdrawn = MaterialFactory(
        locale=en, title="Old leaflet", status="withdrawn", withdrawal_reason="The law changed."
    )
    draft = MaterialFactory(locale=en, title="Draft leaflet", publish=False)
    private = Collection.get_first_root_node().add_child(name="Internal")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    internal = MaterialFactory(
        locale=en, title="Internal report", kind="report", collection=private
    )
    return {
        "leaflet": leaflet,
        "ar": translated["ar"],
        "ti": translated["ti"],
        "toolkit": toolkit,
        "old": old,
        "withdrawn": withdrawn,
        "draft": draft,
        "internal": internal,
    }


def titles(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [item["title"] for item in response.json_body["items"]]


def test_english_listing_shows_published_public_materials_only(api_client, library):
    response = api_client.api("/materials/")
    assert sorted(titles(response)) == [
        "Information for children: Greece",
        "Internal report",
        "Training toolkit",
    ]
    internal = next(i for i in response.json_body["items"] if i["title"] == "Internal report")
    assert internal["files"] == [] and internal["available_languages"] == []
    leaflet = next(i for i in response.json_body["items"] if i["kind"] == "information")
    assert leaflet["locale"] == "en" and leaflet["is_fallback"] is False
    assert leaflet["available_languages"] == ["en", "ar"]
    assert [(f["language"], f["format"]) for f in leaflet["files"]] == [
        ("en", "screen"),
        ("en", "print"),
        ("ar", "screen"),
    ]
    english = leaflet["file"]
    assert english["language"] == "en" and english["mime_type"] == "application/pdf"
    assert english["url"].startswith("http://testserver/downloads/materials/")
    assert english["filename"].endswith("-en-screen.pdf")
    assert len(english["sha256"]) == 64 and english["page_count"] == 1
    assert english["size_bytes"] > 0
    assert {t["locale"] for t in leaflet["translations"]} == {"en", "ar", "ti"}
    assert response["Content-Language"] == "en"


def test_arabic_gets_the_arabic_translation_and_file(api_client, library):
    response = api_client.api("/materials/", locale="ar", kind="information")
    (item,) = response.json_body["items"]
    assert item["id"] == library["ar"].pk
    assert item["locale"] == "ar" and item["is_fallback"] is False
    assert item["file"]["language"] == "ar"
    assert response["Content-Language"] == "ar"


def test_tigrinya_without_a_file_reports_it_missing_never_english(api_client, library):
    response = api_client.api("/materials/", locale="ti", kind="information")
    (item,) = response.json_body["items"]
    assert item["id"] == library["ti"].pk and item["locale"] == "ti"
    assert item["file"] is None
    assert "ti" not in item["available_languages"]


def test_missing_translation_is_absent_unless_a_fallback_is_asked_for(api_client, library):
    assert api_client.api("/materials/", locale="fa").json_body["count"] == 0
    response = api_client.api("/materials/", locale="fa", fallback="ar,en", kind="information")
    (item,) = response.json_body["items"]
    assert item["locale"] == "ar" and item["is_fallback"] is True


def test_one_call_finds_the_childrens_leaflet_for_greece_in_arabic(api_client, library):
    response = api_client.api(
        "/materials/",
        kind="information",
        audience="children",
        country="GR",
        language="ar",
        locale="ar",
    )
    (item,) = response.json_body["items"]
    assert [f["language"] for f in item["files"]] == ["ar"]
    assert item["title"] and item["locale"] == "ar"
    assert api_client.api("/materials/", language="ti").json_body["count"] == 0
    assert titles(api_client.api("/materials/", audience="teachers")) == ["Training toolkit"]
    assert titles(api_client.api("/materials/", country="eu")) == ["Training toolkit"]


def test_detail_resolves_any_translation_id_and_superseded_materials(api_client, library):
    response = api_client.api(f"/materials/{library['leaflet'].pk}/", locale="ar")
    assert response.status_code == 200
    assert response.json_body["id"] == library["ar"].pk
    old = api_client.api(f"/materials/{library['old'].pk}/").json_body
    assert old["status"] == "superseded"
    assert old["superseded_by"] == library["toolkit"].pk
    assert old["files"][0]["url"]


@pytest.mark.parametrize(
    ("which", "status", "code"),
    [("withdrawn", 410, "withdrawn"), ("draft", 404, "not_found")],
)
def test_detail_of_withdrawn_and_draft_materials(api_client, library, which, status, code):
    response = api_client.api(f"/materials/{library[which].pk}/")
    assert response.status_code == status
    assert response.json_body["error"]["code"] == code
    if which == "withdrawn":
        assert "The law changed." in response.json_body["error"]["message"]


def test_detail_without_translation_is_404_not_another_language(api_client, library):
    response = api_client.api(f"/materials/{library['toolkit'].pk}/", locale="ar")
    assert response.status_code == 404
    assert response.json_body["error"]["code"] == "not_translated"
    assert api_client.api("/materials/999999/").status_code == 404


@pytest.mark.parametrize(
    ("endpoint", "params", "code", "mentions"),
    [
        ("/materials/", {"kind": "poster"}, "unknown_kind", "training, information, report"),
        ("/materials/", {"audience": "aliens"}, "unknown_audience", "adults, children"),
        ("/materials/", {"country": "XX"}, "unknown_country", "BE, BG"),
        ("/materials/", {"language": "xx"}, "unknown_language", "en, nl"),
        ("/materials/", {"locale": "xx"}, "unknown_locale", "en"),
        ("/materials/", {"fallback": "en,xx"}, "unknown_locale", "fallback"),
        ("/materials/", {"limit": "0"}, None, "limit"),
        ("/materials/", {"limit": "101"}, None, "limit"),
        ("/materials/", {"limit": "many"}, None, "limit"),
        ("/materials/", {"offset": "-1"}, None, "offset"),
        ("/materials/", {"offset": "10001"}, None, "offset"),
        ("/materials/1/", {"locale": "xx"}, "unknown_locale", "en"),
        ("/countries/", {"locale": "xx"}, "unknown_locale", "en"),
        ("/services/", {"country": "XX"}, "unknown_country", "GR"),
        ("/services/", {"audience": "adults"}, "unknown_audience", "women, men, children, lgbti"),
        ("/services/", {"limit": "500"}, None, "limit"),
    ],
)
def test_bad_parameters_are_400_with_the_allowed_values(
    api_client, locales, endpoint, params, code, mentions
):
    response = api_client.api(endpoint, **params)
    assert response.status_code == 400, response.content
    error = response.json_body["error"]
    if code:
        assert error["code"] == code
    assert mentions in error["message"]


def test_listing_query_budget(api_client, locales, django_assert_max_num_queries):
    for number in range(12):
        MaterialFactory(
            locale=locales["en"],
            title=f"Leaflet {number}",
            files=[("en", "screen"), ("ar", "screen"), ("ti", "screen")],
        )
    api_client.api("/locales/")  # the API's content version row exists from now on
    with django_assert_max_num_queries(8):
        response = api_client.api("/materials/", limit=100)
    assert response.json_body["count"] == 12
    with django_assert_max_num_queries(8):
        response = api_client.api("/materials/", limit=100, language="ar", country="GR")
    assert response.json_body["count"] == 12


def test_superseded_by_never_names_a_successor_that_is_not_public(api_client, locales):
    draft_successor = MaterialFactory(locale=locales["en"], title="Next edition", publish=False)
    old = MaterialFactory(
        locale=locales["en"],
        title="Old edition",
        status="superseded",
        superseded_by=draft_successor,
    )
    response = api_client.api(f"/materials/{old.pk}/")
    assert response.status_code == 200
    assert response.json_body["superseded_by"] is None
    assert b"Next edition" not in response.content
