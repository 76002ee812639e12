"""The material library's demo content: real PDFs in each script, built through the services."""

import datetime
import io
import re

import pytest
from django.core.files.base import ContentFile
from pypdf import PdfReader

import materials.demo as demo
from cms.uploads import Purpose, validate_upload
from materials.demo import library, pdfs, profiles
from materials.models import Country, Material, MaterialFile, SupportService

SCRIPTS = {
    "ar": r"[\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufeff]",
    "fa": r"[\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufeff]",
    "ti": r"[\u1200-\u137f]",
    "el": r"[\u0370-\u03ff]",
    "ru": r"[\u0400-\u04ff]",
}


@pytest.mark.parametrize("code", list(SCRIPTS))
def test_demo_leaflets_are_real_pdfs_in_the_languages_script(code):
    data = library._leaflet_pdf("GR", code, "children")
    checked = validate_upload(ContentFile(data, name="leaflet.pdf"), Purpose.MATERIAL)
    assert checked.page_count >= 1
    text = PdfReader(io.BytesIO(data)).pages[0].extract_text()
    assert re.search(SCRIPTS[code], text), text[:200]
    assert "112" in text


def test_report_has_a_bookmarked_chapter_per_country():
    data = pdfs.report("Mapping Report", [("Greece", ["Text"]), ("Italy", ["Text"])])
    outline = [item.title for item in PdfReader(io.BytesIO(data)).outline]
    assert outline == ["Greece", "Italy"]


def test_cached_fonts_make_the_same_pdf_as_add_font(monkeypatch):
    """Each font is parsed once per process; a PDF made from the cached copy is byte for byte
    the one fpdf2's own add_font makes, however many PDFs used the font before."""
    fixed = datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)

    def dated(cls):
        def init(self, *args, **kwargs):
            cls.__init__(self, *args, **kwargs)
            self.set_creation_date(fixed)

        return type(cls.__name__, (cls,), {"__init__": init})

    def uncached(self, family, fname):
        self.add_font(family, fname=str(pdfs.FONTS / fname))

    paragraphs = ["Arabic: \u0644\u0627 \u064a\u062d\u0642 112", "Tigrinya: \u1230\u120b\u121d"]
    pdfs.leaflet("ar", "Title", paragraphs)  # the fonts are parsed now, and reused below
    monkeypatch.setattr(pdfs, "DemoPDF", dated(pdfs.DemoPDF))
    cached = [pdfs.leaflet(code, "Title", paragraphs) for code in ("ti", "ar", "ar")]
    monkeypatch.setattr(pdfs.DemoPDF, "add_cached_font", uncached)
    fresh = [pdfs.leaflet(code, "Title", paragraphs) for code in ("ti", "ar", "ar")]
    assert cached == fresh
    assert pdfs._parsed_font.cache_info().currsize == 3  # Latin, Arabic, Ethiopic


def test_country_names_come_from_cldr():
    assert profiles.country_name("GR", "ar") == "اليونان"
    assert profiles.country_name("GR", "prs") == "یونان"
    assert profiles.country_name("GR", "en") == "Greece"


@pytest.mark.django_db
def test_build_is_complete_and_safe_to_run_again(home_page, django_capture_on_commit_callbacks):
    # One country keeps the test short; the command builds all twelve.
    with django_capture_on_commit_callbacks(execute=True):
        built = demo.build(home_page, None, countries=["GR"])

    kinds = sorted(m.kind for m in built if isinstance(m, Material))
    assert kinds == ["information"] * 2 + ["report", "training", "training"]
    leaflet = Material.objects.get(reference_number="PROTECT-INF-GR-C", locale__language_code="en")
    assert leaflet.available_languages == ["en", "el", "ar", "fa", "prs"]
    assert Material.objects.get(reference_number="PROTECT-TRN-2019").status == "superseded"
    greece_ar = Country.objects.get(code="GR", locale__language_code="ar")
    assert greece_ar.name == "اليونان" and greece_ar.live
    verified = set(
        SupportService.objects.filter(verified_at__isnull=False).values_list("phone", flat=True)
    )
    assert verified == {"112", "116 006", "116 111"}
    assert SupportService.objects.filter(verified_at__isnull=True, country="GR").exists()

    counts = (Material.objects.count(), MaterialFile.objects.count(), Country.objects.count())
    with django_capture_on_commit_callbacks(execute=True):
        demo.build(home_page, None, countries=["GR"])
    assert counts == (
        Material.objects.count(),
        MaterialFile.objects.count(),
        Country.objects.count(),
    )
