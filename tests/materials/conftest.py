"""Material library fixtures: published materials with real PDF files, built through the
same service the admin and the demo use."""

import pytest
from django.core.files.base import ContentFile
from fpdf import FPDF
from wagtail.models import Collection

from materials.choices import Audience, FileFormat, Kind
from materials.models import Material
from materials.services import new_material_file


def pdf_bytes(text: str = "PROTECT", pages: int = 1) -> bytes:
    pdf = FPDF()
    pdf.set_font("helvetica", size=12)
    for _ in range(pages):
        pdf.add_page()
        pdf.cell(text=text)
    return bytes(pdf.output())


@pytest.fixture
def root_collection(db):
    return Collection.get_first_root_node()


@pytest.fixture
def make_material(locales, root_collection):
    """make_material(files=[("en", "screen"), ...], **fields) -> a published English material."""

    def make(files=(("en", FileFormat.SCREEN),), publish=True, collection=None, **fields):
        values = {
            "kind": Kind.INFORMATION,
            "audiences": [Audience.CHILDREN],
            "countries": ["GR"],
            "title": "Information for children: Greece",
            "summary": "Where to find help in Greece.",
            "locale": locales["en"],
        }
        values.update(fields)
        material = Material(live=False, **values)
        material.full_clean()
        material.save()
        for language, file_format in files:
            material.files.add(
                new_material_file(
                    ContentFile(pdf_bytes(f"{material.title} {language}"), name="leaflet.pdf"),
                    material=material,
                    language=language,
                    file_format=file_format,
                    collection=collection or root_collection,
                )
            )
        material.save()
        revision = material.save_revision()
        if publish:
            revision.publish()
        material.refresh_from_db()
        return material

    return make


@pytest.fixture
def translate(django_capture_on_commit_callbacks):
    """translate(obj, ["ar", "ti"]): translations through wagtail-localize, published."""
    from home.demo.translation import translate_object

    def run(obj, codes):
        with django_capture_on_commit_callbacks(execute=True):
            translate_object(obj, only=codes)
        return {t.locale.language_code: t for t in obj.get_translations()}

    return run
