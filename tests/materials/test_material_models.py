"""Materials, their language files, countries and services: rules and derived facts."""

import datetime
import hashlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from materials.choices import Audience, FileFormat, Kind
from materials.fields import contains_code
from materials.models import Material, MaterialFile, SupportService
from tests.factories import MaterialFactory

pytestmark = pytest.mark.django_db


def test_file_facts_are_read_from_the_file(locales):
    material = MaterialFactory(files=[("en", FileFormat.SCREEN), ("ar", FileFormat.PRINT)])
    files = {f.language: f for f in material.files.all()}
    english = files["en"]
    data = english.document.file.open("rb").read()
    assert english.size_bytes == len(data)
    assert english.page_count == 1
    assert english.mime_type == "application/pdf"

    assert english.sha256 == hashlib.sha256(data).hexdigest()
    assert files["ar"].format == FileFormat.PRINT


def test_available_languages_are_derived_from_files_in_table_order(locales):
    material = MaterialFactory(files=[("ti", "screen"), ("en", "screen"), ("ar", "screen")])
    assert material.available_languages == ["en", "ar", "ti"]


def test_translation_shares_the_group_files_and_has_none_of_its_own(locales, translate):
    material = MaterialFactory(files=[("en", "screen"), ("ar", "screen")])
    arabic = translate(material, ["ar"])["ar"]
    assert arabic.files.count() == 0  # files are not copied into translations
    assert arabic.available_languages == ["en", "ar"]
    assert {f.language for f in arabic.group_files()} == {"en", "ar"}


def test_changing_the_document_recomputes_the_facts(locales):
    material = MaterialFactory()
    material_file = material.files.get()
    other = MaterialFactory(title="Other", reference_number="X-2", files=[("en", "screen")])
    new_document = other.files.get().document
    material_file = MaterialFile.objects.get(pk=material_file.pk)
    material_file.document = new_document
    material_file.full_clean()
    material_file.save()
    assert material_file.sha256 == other.files.get().sha256


def test_a_non_pdf_document_is_refused_on_the_file_row(locales):
    Document = get_document_model()
    subtitles = Document(title="Subtitles")
    subtitles.file.save("en.vtt", ContentFile(b"WEBVTT\n\n00:00.000 --> 00:01.000\nHi\n"))
    material = MaterialFactory(files=[])
    row = MaterialFile(material=material, language="en", format="screen", document=subtitles)
    with pytest.raises(ValidationError) as caught:
        row.full_clean()
    assert "document" in caught.value.message_dict
    assert "allowed file types are .pdf" in caught.value.message_dict["document"][0]


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"status": "superseded"}, "superseded_by", "supersedes this one"),
        ({"status": "withdrawn"}, "withdrawal_reason", "why"),
        (
            {
                "legal_information_as_of": datetime.date(2024, 1, 1),
                "review_by": datetime.date(2023, 1, 1),
            },
            "review_by",
            "before",
        ),
    ],
)
def test_status_and_date_rules(locales, fields, field, message):
    material = Material(
        kind=Kind.REPORT,
        audiences=["professionals"],
        countries=["GR"],
        title="Report",
        locale=locales["en"],
        **fields,
    )
    with pytest.raises(ValidationError) as caught:
        material.full_clean()
    assert message in caught.value.message_dict[field][0]


def test_unknown_codes_are_refused(locales):
    material = Material(
        kind=Kind.REPORT,
        audiences=["aliens"],
        countries=["XX"],
        title="Report",
        locale=locales["en"],
    )
    with pytest.raises(ValidationError) as caught:
        material.full_clean()
    assert "aliens" in caught.value.message_dict["audiences"][0]
    assert "XX" in caught.value.message_dict["countries"][0]


def test_professional_roles_imply_professionals(locales):
    material = Material(
        kind=Kind.TRAINING,
        audiences=[Audience.TEACHERS],
        countries=["EU"],
        title="Toolkit",
        locale=locales["en"],
    )
    material.full_clean()
    assert material.audiences == ["professionals", "teachers"]


def test_choice_lists_filter_exactly(locales):
    MaterialFactory(title="Children GR", audiences=["children"], countries=["GR"])
    MaterialFactory(title="Adults GR and IT", audiences=["adults"], countries=["GR", "IT"])
    titles = lambda q: sorted(Material.objects.filter(q).values_list("title", flat=True))  # noqa: E731
    assert titles(contains_code("countries", "IT")) == ["Adults GR and IT"]
    assert titles(contains_code("countries", "GR")) == ["Adults GR and IT", "Children GR"]
    assert titles(contains_code("audiences", "children")) == ["Children GR"]
    # Stored with delimiters on both ends, read back as a list.
    assert Material.objects.get(title="Adults GR and IT").countries == ["GR", "IT"]


def test_service_verification_and_contact_rules(locales):
    service = SupportService(
        name="Helpline", country="GR", locale=locales["en"], audiences=["women"]
    )
    with pytest.raises(ValidationError) as caught:
        service.full_clean()
    assert "phone number or a website" in str(caught.value)
    service.phone = "call us!"
    with pytest.raises(ValidationError) as caught:
        service.full_clean()
    assert "digits, spaces" in caught.value.message_dict["phone"][0]
    service.phone = "+30 210 000 0000"
    service.full_clean()
    assert service.is_verified is False
    service.verified_at = datetime.date(2026, 11, 1)
    assert service.is_verified is True
