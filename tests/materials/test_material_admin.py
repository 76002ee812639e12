"""The admin: listing filters, editing a material with language files, and file usage."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.documents import get_document_model

from materials.models import Material, SupportService
from tests.factories import MaterialFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(client, admin_user):
    client.force_login(admin_user)
    return client


def listing(admin, model, **params) -> str:
    url = reverse(f"wagtailsnippets_materials_{model}:list")
    response = admin.get(url, params)
    assert response.status_code == 200
    return response.content.decode()


def test_materials_can_be_filtered_by_kind_audience_country_language_and_status(admin, locales):
    MaterialFactory(title="Children GR", files=[("en", "screen"), ("ar", "screen")])
    MaterialFactory(title="Toolkit", kind="training", audiences=["professionals"], countries=["EU"])
    successor = MaterialFactory(title="Adults IT", audiences=["adults"], countries=["IT"])
    MaterialFactory(
        title="Old adults IT",
        audiences=["adults"],
        countries=["IT"],
        status="superseded",
        superseded_by=successor,
    )

    def titles(**params):
        html = listing(admin, "material", **params)
        return {t for t in ["Children GR", "Toolkit", "Adults IT", "Old adults IT"] if t in html}

    assert titles(kind="training") == {"Toolkit"}
    assert titles(audience="children") == {"Children GR"}
    assert titles(country="IT") == {"Adults IT", "Old adults IT"}
    assert titles(language="ar") == {"Children GR"}
    assert titles(status="superseded") == {"Old adults IT"}
    assert "en, ar" in listing(admin, "material", audience="children")  # file languages column


def test_services_listing_shows_unverified_and_filters(admin, locales):
    for name, country, verified in [("Line GR", "GR", None), ("Line IT", "IT", "2026-11-01")]:
        service = SupportService(
            name=name, country=country, phone="112", locale=locales["en"], verified_at=verified
        )
        service.save()
    html = listing(admin, "supportservice")
    assert "Unverified" in html and "2026-11-01" in html
    html = listing(admin, "supportservice", country="IT")
    assert "Line IT" in html and "Line GR" not in html
    html = listing(admin, "supportservice", verified="false")
    assert "Line GR" in html and "Line IT" not in html


def material_form_data(document_id: int, title="Leaflet for children") -> dict:
    return {
        "title": title,
        "summary": "Help in Greece.",
        "kind": "information",
        "original_language": "en",
        "audiences": ["children"],
        "countries": ["GR"],
        "cover_image_alt": "",
        "reference_number": "PROTECT-TEST-1",
        "status": "published",
        "withdrawal_reason": "",
        "files-TOTAL_FORMS": "1",
        "files-INITIAL_FORMS": "0",
        "files-MIN_NUM_FORMS": "0",
        "files-MAX_NUM_FORMS": "1000",
        "files-0-language": "ar",
        "files-0-format": "screen",
        "files-0-document": str(document_id),
        "files-0-ORDER": "1",
        "files-0-id": "",
        "files-0-DELETE": "",
        "action-publish": "publish",
    }


def test_admin_creates_a_material_with_facts_read_from_the_chosen_pdf(admin, locales):
    document = MaterialFactory(title="Source").files.get().document
    response = admin.post(
        reverse("wagtailsnippets_materials_material:add"), material_form_data(document.pk)
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    material = Material.objects.get(title="Leaflet for children")
    assert material.live
    material_file = material.files.get()
    assert material_file.language == "ar"
    assert material_file.mime_type == "application/pdf"
    assert material_file.size_bytes == document.file_size
    assert material_file.page_count == 1


def test_admin_refuses_a_non_pdf_document_and_keeps_the_input(admin, locales):
    Document = get_document_model()
    subtitles = Document(title="Subtitles")
    subtitles.file.save("en.vtt", ContentFile(b"WEBVTT\n\n00:00.000 --> 00:01.000\nHi\n"))
    response = admin.post(
        reverse("wagtailsnippets_materials_material:add"),
        material_form_data(subtitles.pk, title="Typed title"),
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "allowed file types are .pdf" in html
    assert 'value="Typed title"' in html
    assert not Material.objects.filter(title="Typed title").exists()


def test_document_usage_lists_the_material(admin, locales):
    material = MaterialFactory(title="Children GR")
    document = material.files.get().document
    response = admin.get(reverse("wagtaildocs:document_usage", args=[document.pk]))
    assert response.status_code == 200
    assert "Children GR" in response.content.decode()
    assert AdminURLFinder().get_edit_url(material)
