"""Demo content of the material library: country profiles, support services, the training
toolkit, information leaflets for adults and children in every mapping country, and the Mapping
Report, with real small PDFs in each language's own script.

``build`` uses the same services as the admin (documents go through the upload checks) and is
safe to run again.
"""

import datetime

from babel import Locale as BabelLocale
from babel import UnknownLocaleError
from django.core.files.base import ContentFile
from django.db import transaction
from wagtail.models import Collection, Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation
from wagtail_localize.operations import translate_object as submit_for_translation

from cms import languages
from home.demo import phrasebook

# fill_strings is the phrasebook filling translate_object uses; reused so names can differ.
from home.demo.translation import _fill_strings as fill_strings
from home.demo.translation import missing_locales
from materials.choices import PROFESSIONAL_ROLES, Audience, FileFormat, Kind
from materials.models import Country, Material, SupportService
from materials.services import new_material_file
from protect.countries import EU_WIDE, MAPPING_COUNTRIES

from . import content, pdfs

KEY_MESSAGE = "No One Has the Right to Hurt You"
GENERIC = "Sexual and gender-based violence is a violation of human rights."
WHO = "Who can be affected?"
HOW = "How services and professionals help"
COUNTRY_NAMES = {**MAPPING_COUNTRIES, EU_WIDE: "EU-wide"}
BABEL_CODES = {"prs": "fa_AF", "kmr": "ku"}


def build(home, user=None) -> list:
    """Create the English snippets (and their files); return them in translation order."""
    locale = Locale.get_default()
    collection = _collection("Material library")
    countries = [_country(code, locale, user) for code in COUNTRY_NAMES]
    _translate_countries(countries, user)
    services = [_service(data, "EU", locale, user) for data in content.EU_SERVICES]
    services += [_national_service(code, locale, user) for code in MAPPING_COUNTRIES]
    toolkit = _training_toolkit(locale, collection, user)
    pilot = _pilot_toolkit(locale, collection, user, toolkit)
    leaflets = [
        _leaflet(code, audience, locale, collection, user)
        for code in MAPPING_COUNTRIES
        for audience in (Audience.ADULTS, Audience.CHILDREN)
    ]
    report = _mapping_report(locale, collection, user)
    return [*countries, *services, toolkit, pilot, *leaflets, report]


# --- helpers --------------------------------------------------------------------------------


def say(text: str, code: str) -> str:
    """``text`` in language ``code`` from the demo phrasebook (English as written)."""
    return text if code == languages.default().code else phrasebook.translate(text, code)


def country_name(code: str, language_code: str) -> str:
    """The country's name in a language, from the Unicode CLDR (via Babel)."""
    try:
        babel_locale = BabelLocale.parse(BABEL_CODES.get(language_code, language_code))
        return babel_locale.territories.get(code) or COUNTRY_NAMES[code]
    except (UnknownLocaleError, ValueError):
        return COUNTRY_NAMES[code]


def _collection(name: str) -> Collection:
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=name).first()
    return existing or root.add_child(name=name)


def _publish(obj, user):
    obj.save_revision(user=user).publish(user=user)
    return obj


def _country(code: str, locale, user) -> Country:
    existing = Country.objects.filter(code=code, locale=locale).first()
    if existing:
        return existing
    name = COUNTRY_NAMES[code]
    country = Country(code=code, locale=locale, name=name, live=False)
    if code == EU_WIDE:
        country.legal_framework = (
            "<p>Demo summary: EU law on victims' rights, asylum reception and trafficking sets "
            "the minimum standards that the national laws of the mapping countries apply.</p>"
        )
    else:
        country.legal_framework = (
            f"<p>Demo summary from the Mapping Report: the national mapping for {name} reviewed "
            "the laws on sexual and gender-based violence, asylum and victims' rights that "
            "apply to migrants, and the key gaps and challenges.</p>"
        )
        country.assistance = (
            f"<p>Demo summary: shelters, helplines, health, psychosocial and legal assistance "
            f"that migrant victims of SGBV can reach in {name}.</p>"
        )
    country.save()
    return _publish(country, user)


def _translate_countries(countries: list[Country], user) -> None:
    """Translate the profiles like translate_object does, but with each country's CLDR name.

    The name is set before the one publish (publishing every translation twice would double
    the slowest part of the demo); the other texts come from the phrasebook as usual.
    """
    for country in countries:
        locales = missing_locales(country)
        if not locales:
            continue
        with transaction.atomic():
            submit_for_translation(country, locales, user=user)
            translations = Translation.objects.filter(
                source__object_id=country.translation_key, target_locale__in=locales
            ).select_related("source", "target_locale")
            name = StringSegment.objects.select_related("string", "context").get(
                source__object_id=country.translation_key, context__path="name"
            )
            for translation in translations:
                fill_strings(translation, user)
                StringTranslation.objects.filter(
                    translation_of=name.string,
                    locale=translation.target_locale,
                    context=name.context,
                ).update(data=country_name(country.code, translation.target_locale.language_code))
                translation.save_target(user=user, publish=True)


def _service(data: dict, code: str, locale, user) -> SupportService:
    existing = SupportService.objects.filter(name=data["name"], country=code, locale=locale).first()
    if existing:
        return existing
    service = SupportService(country=code, locale=locale, live=False, **data)
    service.full_clean()
    service.save()
    return _publish(service, user)


def _national_service(code: str, locale, user) -> SupportService:
    phone = content.NATIONAL_PHONES.get(code, "")
    data = {
        "name": f"National support line for victims of violence, {COUNTRY_NAMES[code]}",
        "description": (
            "Sample entry for the demo: confidential support for victims of sexual and "
            "gender-based violence. Unverified: check the details with the national partners "
            "before relying on them."
        ),
        "phone": phone,
        "url": "" if phone else content.SAMPLE_URL,
        "opening_hours": "To be confirmed",
        "languages": ["en", *content.NATIONAL_LANGUAGES[code]],
        "audiences": ["women", "men", "children", "lgbti"],
        "is_emergency": False,
        "verified_at": None,
    }
    return _service(data, code, locale, user)


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
    return _publish(material, user)


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
    files.append(("en", FileFormat.PRINT, pdfs.leaflet("en", KEY_MESSAGE, [GENERIC], True)))
    return _attach(material, collection, user, files)


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


def _mapping_report(locale, collection, user) -> Material:
    material, new = _material(
        "PROTECT-MAP-2019",
        locale,
        kind=Kind.REPORT,
        audiences=[Audience.PROFESSIONALS],
        countries=list(MAPPING_COUNTRIES),
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
        for name in MAPPING_COUNTRIES.values()
    ]
    data = pdfs.report(material.title, chapters)
    return _attach(material, collection, user, [("en", FileFormat.SCREEN, data)])


def _roles():
    return {role.value for role in PROFESSIONAL_ROLES}
