"""The benchmark dataset's material library, countries, support services and queue tasks.

Materials share one checked PDF (stored once through the real upload service; the other
document rows point at the same file): the benchmark measures the API, not the storage.
"""

import io

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from fpdf import FPDF
from wagtail.documents import get_document_model
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from cms import languages
from cms.countries import MAPPING_COUNTRIES
from cms.translation.models import TranslationTask
from materials.choices import Audience, FileFormat, Kind, ServiceAudience
from materials.models import Country, Material, MaterialFile, SupportService
from materials.services import upload_document

FILE_LANGUAGES = 3  # files per material, in rotating languages
SERVICES_PER_COUNTRY = 5


def _pdf() -> io.BytesIO:
    pdf = FPDF()
    pdf.set_font("helvetica", size=12)
    pdf.add_page()
    pdf.cell(text="PROTECT benchmark leaflet")
    upload = io.BytesIO(bytes(pdf.output()))
    upload.name = "bench-leaflet.pdf"
    return upload


def _live(now) -> dict:
    return {"live": True, "first_published_at": now, "last_published_at": now}


def _materials(locale: Locale, count: int, rng, now) -> None:
    codes = languages.codes()
    countries = list(MAPPING_COUNTRIES)
    kinds, audiences = list(Kind.values), [Audience.ADULTS, Audience.CHILDREN]
    materials = Material.objects.bulk_create(
        Material(
            locale=locale,
            kind=kinds[n % len(kinds)],
            audiences=[audiences[n % 2]],
            countries=[countries[n % len(countries)]],
            title=f"Leaflet {n}: {rng.choice(['help', 'rights', 'safety'])}",
            summary="Where to find help.",
            reference_number=f"BENCH-{n:04d}",
            status=Material.Status.PUBLISHED,
            **_live(now),
        )
        for n in range(count)
    )
    template, checked = upload_document(_pdf(), title="Benchmark leaflet")
    Document = get_document_model()
    documents = Document.objects.bulk_create(
        Document(
            title=f"{material.title} [{language}]",
            file=template.file.name,
            file_size=template.file_size,
            file_hash=template.file_hash,
            collection_id=template.collection_id,
        )
        for index, material in enumerate(materials)
        for language in [codes[(index + k) % len(codes)] for k in range(FILE_LANGUAGES)]
    )
    pairs = [
        (material, codes[(index + k) % len(codes)])
        for index, material in enumerate(materials)
        for k in range(FILE_LANGUAGES)
    ]
    MaterialFile.objects.bulk_create(
        MaterialFile(
            material=material,
            language=language,
            format=FileFormat.SCREEN,
            document=document,
            size_bytes=checked.size,
            page_count=checked.page_count,
            sha256=checked.sha256,
            mime_type=checked.content_type,
            sort_order=0,
        )
        for (material, language), document in zip(pairs, documents, strict=True)
    )


def _countries_and_services(locale: Locale, services_per_country: int, now) -> None:
    Country.objects.bulk_create(
        Country(locale=locale, code=code, name=name, **_live(now))
        for code, name in MAPPING_COUNTRIES.items()
        if not Country.objects.filter(locale=locale, code=code).exists()
    )
    SupportService.objects.bulk_create(
        SupportService(
            locale=locale,
            name=f"{name} support line {n}",
            country=code,
            description="Free and confidential support.",
            phone="+32 2 000 00 00",
            languages=["en", "fr"],
            audiences=[ServiceAudience.WOMEN, ServiceAudience.CHILDREN],
            is_emergency=n == 0,
            **_live(now),
        )
        for code, name in MAPPING_COUNTRIES.items()
        for n in range(services_per_country)
    )


def build(locale: Locale, want: dict, rng) -> None:
    now = timezone.now()
    _materials(locale, want["materials"], rng, now)
    per_country = max(1, round(SERVICES_PER_COUNTRY * want["materials"] / 300))
    _countries_and_services(locale, per_country, now)


def queue_tasks(model, source_pks: list[int], count: int) -> None:
    """``count`` untranslated queue tasks: source pages × target locales, in bulk."""
    targets = list(Locale.objects.exclude(pk=Locale.get_default().pk))
    content_type = ContentType.objects.get_for_model(model)
    needed = -(-count // len(targets))
    pairs = []
    for page in model.objects.filter(pk__in=source_pks[:needed]).order_by("pk"):
        source, _ = TranslationSource.get_or_create_from_instance(page)
        pairs += [(source, page, locale) for locale in targets]
    pairs = pairs[:count]
    translations = Translation.objects.bulk_create(
        Translation(source=source, target_locale=locale) for source, _, locale in pairs
    )
    TranslationTask.objects.bulk_create(
        TranslationTask(
            translation=translation,
            source=source,
            content_type=content_type,
            title=page.title,
            source_locale=page.locale,
            target_locale=locale,
        )
        for translation, (source, page, locale) in zip(translations, pairs, strict=True)
    )
