"""Demo materials: the training toolkit (and its superseded pilot edition), information leaflets
for adults and for children in each mapping country, and the Mapping Report, each with real small
PDFs in the language's own script, uploaded through the same checked path as the admin's."""

import datetime
import functools

from django.core.files.base import ContentFile
from wagtail.models import Collection

from cms import languages
from cms.countries import EU_WIDE
from cms.countries import NAMES as COUNTRY_NAMES
from home.demo import phrasebook
from materials.choices import PROFESSIONAL_ROLES, Audience, FileFormat, Kind
from materials.models import Material
from materials.services import new_material_file

from . import content, pdfs
from .profiles import country_name, publish

KEY_MESSAGE = "No One Has the Right to Hurt You"
GENERIC = "Sexual and gender-based violence is a violation of human rights."
WHO = "Who can be affected?"
HOW = "How services and professionals help"


def materials(codes, locale, user) -> list[Material]:
    """The toolkit, its pilot edition, two leaflets per country of ``codes`` and the report."""
    collection = _collection("Material library")
    toolkit = _training_toolkit(locale, collection, user)
    pilot = _pilot_toolkit(locale, collection, user, toolkit)
    leaflets = [
        _leaflet(code, audience, locale, collection, user)
        for code in codes
        for audience in (Audience.ADULTS, Audience.CHILDREN)
    ]
    return [toolkit, pilot, *leaflets, _mapping_report(codes, locale, collection, user)]


def say(text: str, code: str) -> str:
    """``text`` in language ``code`` from the demo phrasebook (English as written)."""
    return text if code == languages.default().code else phrasebook.translate(text, code)


def _collection(name: str) -> Collection:
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=name).first()
    return existing or root.add_child(name=name)


def _material(reference: str, locale, **fields) -> tuple[Material, bool]:
    existing = Material.objects.filter(reference_number=reference, locale=locale).first()
    if existing:
        return existing, False
    return Material(reference_number=reference, locale=locale, live=False, **fields), True


def _attach(material, collection, user, files: list[tuple[str, str, bytes]]) -> Material:
    """Upload each (language, format, pdf) through the checked path, then publish."""
    material.full_clean()
    material.save()
    for language, file_format, data in files:
        upload = ContentFile(data, name=f"{material.reference_number}-{language}.pdf")
        material.files.add(
            new_material_file(
                upload,
                material=material,
                language=language,
                file_format=file_format,
                collection=collection,
                user=user,
            )
        )
    material.save()
    return publish(material, user)


def _leaflet_pdf(code: str, language: str, audience: str) -> bytes:
    title = say(KEY_MESSAGE, language)
    numbers = "112 · 116 006" + (" · 116 111" if audience == Audience.CHILDREN else "")
    paragraphs = [
        country_name(code, language),
        say(GENERIC, language),
        say(WHO, language),
        say(HOW, language),
        numbers,
    ]
    if language != languages.default().code:
        paragraphs.append(phrasebook.label(language))
    return pdfs.leaflet(language, title, paragraphs)


def _leaflet(code: str, audience: str, locale, collection, user) -> Material:
    who = "adults" if audience == Audience.ADULTS else "children"
    reference = f"PROTECT-INF-{code}-{who[0].upper()}"
    material, new = _material(
        reference,
        locale,
        kind=Kind.INFORMATION,
        audiences=[audience],
        countries=[code],
        title=f"Information for {who}: {COUNTRY_NAMES[code]}",
        summary=(
            f"What sexual and gender-based violence is, your rights and where to find help in "
            f"{COUNTRY_NAMES[code]}. Written for {who}."
        ),
        legal_information_as_of=datetime.date(2020, 6, 30),
        review_by=datetime.date(2027, 6, 30),
    )
    if not new:
        return material
    language_codes = ["en", *content.NATIONAL_LANGUAGES[code], *content.COMMUNITY_LANGUAGES[code]]
    files = [
        (lang, FileFormat.SCREEN, _leaflet_pdf(code, lang, audience)) for lang in language_codes
    ]
    files.append(("en", FileFormat.PRINT, _print_edition()))
    return _attach(material, collection, user, files)


@functools.cache
def _print_edition() -> bytes:
    # The same English print leaflet for every country: made once, uploaded to each.
    return pdfs.leaflet("en", KEY_MESSAGE, [GENERIC], print_edition=True)


def _training_pdf(language: str) -> bytes:
    return pdfs.leaflet(
        language,
        say(HOW, language),
        [say(GENERIC, language), say(WHO, language), "PROTECT"],
    )


def _training_toolkit(locale, collection, user) -> Material:
    material, new = _material(
        "PROTECT-TRN-2020",
        locale,
        kind=Kind.TRAINING,
        audiences=[Audience.PROFESSIONALS, *sorted(_roles())],
        countries=[EU_WIDE],
        title="PROTECT training toolkit for professionals",
        summary=(
            "Interactive training tools for professionals (social workers, police officers, "
            "interpreters, teachers, health care professionals) who meet migrants, refugees or "
            "asylum-seekers who might be victims of SGBV."
        ),
        review_by=datetime.date(2027, 12, 31),
    )
    if not new:
        return material
    files = [(lang, FileFormat.SCREEN, _training_pdf(lang)) for lang in content.TRAINING_LANGUAGES]
    return _attach(material, collection, user, files)


def _pilot_toolkit(locale, collection, user, successor) -> Material:
    material, new = _material(
        "PROTECT-TRN-2019",
        locale,
        kind=Kind.TRAINING,
        audiences=[Audience.PROFESSIONALS],
        countries=[EU_WIDE],
        title="PROTECT training toolkit (pilot edition)",
        summary="The pilot edition of the training toolkit, replaced by the 2020 edition.",
        status=Material.Status.SUPERSEDED,
        superseded_by=successor,
    )
    if not new:
        return material
    return _attach(material, collection, user, [("en", FileFormat.SCREEN, _training_pdf("en"))])


def _mapping_report(codes, locale, collection, user) -> Material:
    material, new = _material(
        "PROTECT-MAP-2019",
        locale,
        kind=Kind.REPORT,
        audiences=[Audience.PROFESSIONALS],
        countries=list(codes),
        title=(
            "Mapping Report on Legal Frameworks and Assistance Available to Migrant Victims of "
            "Sexual and Gender-Based Violence (SGBV)"
        ),
        summary=(
            "National mapping exercises by IOM country offices and project partners in 12 "
            "countries: the legislative frameworks, the services available to migrant victims of "
            "SGBV, and the key gaps and challenges."
        ),
        legal_information_as_of=datetime.date(2019, 6, 30),
        review_by=datetime.date(2026, 12, 31),
    )
    if not new:
        return material
    chapters = [
        (
            name,
            [
                f"Legal framework in {name} (demo text).",
                f"Assistance available to migrant victims of SGBV in {name} (demo text).",
                "Key gaps and challenges (demo text).",
            ],
        )
        for name in (COUNTRY_NAMES[code] for code in codes)
    ]
    data = pdfs.report(material.title, chapters)
    return _attach(material, collection, user, [("en", FileFormat.SCREEN, data)])


def _roles():
    return {role.value for role in PROFESSIONAL_ROLES}
