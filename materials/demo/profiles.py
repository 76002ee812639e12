"""Demo country profiles (the 12 mapping countries and EU-wide, named in each language from the
Unicode CLDR) and support services (the real EU-wide numbers, unverified national samples)."""

from babel import Locale as BabelLocale
from babel import UnknownLocaleError
from django.db import transaction

from cms.countries import EU_WIDE
from cms.countries import NAMES as COUNTRY_NAMES
from home.demo.translation import missing_locales, publish_translated
from materials.models import Country, SupportService

from . import content

BABEL_CODES = {"prs": "fa_AF", "kmr": "ku"}


def country_profiles(codes, locale, user) -> list[Country]:
    """The profiles of ``codes`` and EU-wide, published and translated into every language."""
    countries = [country(code, locale, user) for code in [*codes, EU_WIDE]]
    translate_countries(countries, user)
    return countries


def support_services(codes, locale, user) -> list[SupportService]:
    services = [service(data, EU_WIDE, locale, user) for data in content.EU_SERVICES]
    return services + [national_service(code, locale, user) for code in codes]


def country_name(code: str, language_code: str) -> str:
    """The country's name in a language, from the Unicode CLDR (via Babel)."""
    try:
        babel_locale = BabelLocale.parse(BABEL_CODES.get(language_code, language_code))
        return babel_locale.territories.get(code) or COUNTRY_NAMES[code]
    except (UnknownLocaleError, ValueError):
        return COUNTRY_NAMES[code]


def publish(obj, user):
    obj.save_revision(user=user).publish(user=user)
    return obj


def country(code: str, locale, user) -> Country:
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
    return publish(country, user)


def translate_countries(countries: list[Country], user) -> None:
    """Translate the profiles like translate_object does, but with each country's CLDR name.

    The name is set before the one publish (publishing every translation twice would double
    the slowest part of the demo); the other texts come from the phrasebook as usual.
    """
    for country in countries:
        locales = missing_locales(country)
        if not locales:
            continue
        with transaction.atomic():
            publish_translated(
                country,
                locales,
                user,
                lambda t, code=country.code: {
                    "name": country_name(code, t.target_locale.language_code)
                },
            )


def service(data: dict, code: str, locale, user) -> SupportService:
    existing = SupportService.objects.filter(name=data["name"], country=code, locale=locale).first()
    if existing:
        return existing
    service = SupportService(country=code, locale=locale, live=False, **data)
    service.full_clean()
    service.save()
    return publish(service, user)


def national_service(code: str, locale, user) -> SupportService:
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
    return service(data, code, locale, user)
