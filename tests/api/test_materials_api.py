"""Contract tests: /materials/, /countries/ and /services/ of the partner API."""

import datetime

import pytest
from django.core.files.base import ContentFile
from fpdf import FPDF
from wagtail.models import Collection, CollectionViewRestriction

from home.demo.translation import translate_object
from materials.models import Country, Material, SupportService
from materials.services import new_material_file

pytestmark = pytest.mark.django_db


def pdf(text: str) -> ContentFile:
    document = FPDF()
    document.set_font("helvetica", size=12)
    document.add_page()
    document.cell(text=text)
    return ContentFile(bytes(document.output()), name="file.pdf")


def material(locale, files=(("en", "screen"),), collection=None, publish=True, **fields):
    values = {
        "kind": "information",
        "audiences": ["children"],
        "countries": ["GR"],
        "title": "Information for children: Greece",
        "summary": "Where to find help.",
    }
    values.update(fields)
    obj = Material(locale=locale, live=False, **values)
    obj.full_clean()
    obj.save()
    for language, file_format in files:
        obj.files.add(
            new_material_file(
                pdf(f"{obj.title} {language}"),
                material=obj,
                language=language,
                file_format=file_format,
                collection=collection,
            )
        )
    obj.save()
    revision = obj.save_revision()
    if publish:
        revision.publish()
    obj.refresh_from_db()
    return obj


def translate(obj, codes, capture):
    with capture(execute=True):
        translate_object(obj, only=codes)
    return {t.locale.language_code: t for t in obj.get_translations()}


@pytest.fixture
def library(locales, django_capture_on_commit_callbacks):
    en = locales["en"]
    leaflet = material(en, files=[("en", "screen"), ("ar", "screen"), ("en", "print")])
    translated = translate(leaflet, ["ar", "ti"], django_capture_on_commit_callbacks)
    toolkit = material(
        en,
        kind="training",
        audiences=["professionals", "teachers"],
        countries=["EU"],
        title="Training toolkit",
        reference_number="PROTECT-TRN",
    )
    old = material(
        en,
        kind="training",
        audiences=["professionals"],
        countries=["EU"],
        title="Pilot toolkit",
        status="superseded",
        superseded_by=toolkit,
    )
    withdrawn = material(
        en, title="Old leaflet", status="withdrawn", withdrawal_reason="The law changed."
    )
    draft = material(en, title="Draft leaflet", publish=False)
    private = Collection.get_first_root_node().add_child(name="Internal")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    internal = material(en, title="Internal report", kind="report", collection=private)
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
        material(
            locales["en"],
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


@pytest.fixture
def services(locales, django_capture_on_commit_callbacks):
    def publish(obj):
        obj.full_clean()
        obj.save()
        obj.save_revision().publish()
        return obj

    en = locales["en"]
    greece = publish(Country(code="GR", name="Greece", locale=en, legal_framework="<p>Law</p>"))
    italy = publish(Country(code="IT", name="Italy", locale=en))
    line = publish(
        SupportService(
            name="SOS line",
            country="GR",
            phone="15900",
            audiences=["women"],
            locale=en,
            verified_at=None,
        )
    )
    emergency = publish(
        SupportService(
            name="Emergency",
            country="GR",
            phone="112",
            audiences=["women", "men", "children", "lgbti"],
            is_emergency=True,
            verified_at=datetime.date(2026, 11, 1),
            locale=en,
        )
    )
    publish(SupportService(name="EU line", country="EU", phone="116 006", locale=en))
    for obj in (greece, italy, line, emergency):
        translate(obj, ["ar"], django_capture_on_commit_callbacks)
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
    from protect.models import AwarenessPage

    draft = AwarenessPage(title="Draft", slug="draft", live=False)
    home_page.add_child(instance=draft)
    country = Country(
        code="GR",
        name="Greece",
        locale=locales["en"],
        legal_framework=(
            f'<p><a linktype="page" id="{draft.id}">draft page</a> '
            f'<a linktype="page" id="{home_page.id}">home</a> '
            '<a href="javascript:alert(1)">bad</a></p>'
        ),
    )
    country.full_clean()
    country.save()
    country.save_revision().publish()
    html = api_client.api("/countries/").json_body["items"][0]["legal_framework"]
    assert "draft page" in html and f"/{draft.slug}/" not in html
    assert "href=" in html and "home" in html  # the live page stays a link
    assert "javascript:" not in html
