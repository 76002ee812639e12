"""Material library, country profiles and support services (reads via materials.selectors)."""

from datetime import date, datetime
from typing import Literal

from ninja import Router, Schema
from pydantic import Field

from cms import languages
from materials import selectors
from materials.choices import COUNTRY_CODES, Audience, FileFormat, Kind, ServiceAudience
from materials.models import Country, Material, SupportService

from ..errors import ApiError
from ..params import (
    FallbackParam,
    Limit,
    LocaleChain,
    LocaleParam,
    Offset,
    choice,
    locale_chain,
    served,
)
from ..schemas.common import ERRORS, ErrorOut, LocalisedItem
from ..serializers.content import ContentResolver

router = Router(tags=["Materials"])

_ORDER = {code: index for index, code in enumerate(languages.codes())}


class MaterialFileOut(Schema):
    language: str
    format: Literal["screen", "print", "accessible"]
    url: str = Field(description="Stable download URL (never expires).")
    filename: str = Field(description="Neutral file name sent in Content-Disposition.")
    size_bytes: int
    mime_type: str
    sha256: str
    page_count: int | None


class MaterialOut(LocalisedItem):
    id: int
    title: str
    summary: str
    kind: Literal["training", "information", "report"]
    audiences: list[str]
    countries: list[str] = Field(description="ISO 3166-1 alpha-2 codes; EU means EU-wide.")
    available_languages: list[str] = Field(description="Languages that have a file.")
    file: MaterialFileOut | None = Field(
        description="The file in the served locale's language, or null when there is none "
        "(never another language's file)."
    )
    files: list[MaterialFileOut] = Field(description="All files (only `language`'s if given).")
    status: Literal["published", "superseded"]
    superseded_by: int | None = Field(description="Id of the successor in the served locale.")
    reference_number: str
    original_language: str
    legal_information_as_of: date | None
    review_by: date | None
    updated_at: datetime


class MaterialList(Schema):
    count: int
    items: list[MaterialOut]


class CountryOut(LocalisedItem):
    code: str
    name: str
    services_count: int = Field(description="Services listed by /services/?country=<code>.")
    legal_framework: str = Field(description="HTML summary from the Mapping Report.")
    assistance: str = Field(description="HTML summary of the assistance available.")


class CountryList(Schema):
    count: int
    items: list[CountryOut]


class ServiceOut(LocalisedItem):
    id: int
    name: str
    country: str
    description: str
    phone: str
    url: str
    hours: str
    languages: list[str]
    audiences: list[str]
    is_emergency: bool
    is_verified: bool = Field(description="False: details not checked yet; show as unverified.")
    verified_at: date | None


class ServiceList(Schema):
    count: int
    items: list[ServiceOut]


# --- helpers --------------------------------------------------------------------------------


def _translations(grouped: dict, key, label: str) -> list[dict]:
    return [
        {
            "locale": obj.locale.language_code,
            "id": obj.pk,
            "title": getattr(obj, label),
            "url": None,
        }
        for obj in grouped.get(key, [])
    ]


def _file_out(request, material_file) -> dict:
    return {
        "language": material_file.language,
        "format": material_file.format,
        "url": request.build_absolute_uri(material_file.get_download_url()),
        "filename": material_file.download_name,
        "size_bytes": material_file.size_bytes,
        "mime_type": material_file.mime_type,
        "sha256": material_file.sha256,
        "page_count": material_file.page_count,
    }


def _format_rank(material_file) -> tuple:
    return (_ORDER.get(material_file.language, 99), FileFormat.values.index(material_file.format))


def _material_items(request, materials: list, chain: LocaleChain, language: str | None) -> list:
    keys = [material.translation_key for material in materials]
    files = selectors.files_by_group(keys)
    translations = selectors.translations_of(
        Material, keys, status__in=[Material.Status.PUBLISHED, Material.Status.SUPERSEDED]
    )
    successor_ids = {m.superseded_by_id for m in materials if m.superseded_by_id}
    successors = selectors.successors_in(successor_ids, chain.codes) if successor_ids else {}
    items = []
    for material in materials:
        code = material.locale.language_code
        served(request, code)
        group_files = sorted(files.get(material.translation_key, []), key=_format_rank)
        own = [f for f in group_files if f.language == code]
        shown = [f for f in group_files if f.language == language] if language else group_files
        items.append(
            {
                "id": material.pk,
                "locale": code,
                "is_fallback": code != chain.requested,
                "translations": _translations(translations, material.translation_key, "title"),
                "title": material.title,
                "summary": material.summary,
                "kind": material.kind,
                "audiences": material.audiences,
                "countries": material.countries,
                "available_languages": sorted(
                    {f.language for f in group_files}, key=lambda c: _ORDER.get(c, 99)
                ),
                "file": _file_out(request, own[0]) if own else None,
                "files": [_file_out(request, f) for f in shown],
                "status": material.status,
                "superseded_by": successors.get(material.superseded_by_id),
                "reference_number": material.reference_number,
                "original_language": material.original_language,
                "legal_information_as_of": material.legal_information_as_of,
                "review_by": material.review_by,
                "updated_at": material.updated_at,
            }
        )
    return items


def _filters(kind, audience, country, language) -> dict:
    return {
        "kind": choice("kind", kind, Kind.values),
        "audience": choice("audience", audience, Audience.values),
        "country": choice("country", country.upper() if country else country, COUNTRY_CODES),
        "language": choice("language", language, languages.codes()),
    }


# --- materials ------------------------------------------------------------------------------


@router.get("/materials/", response={200: MaterialList, **ERRORS}, operation_id="list_materials")
def list_materials(
    request,
    locale: LocaleParam = None,
    fallback: FallbackParam = None,
    kind: str | None = None,
    audience: str | None = None,
    country: str | None = None,
    language: str | None = None,
    limit: Limit = 20,
    offset: Offset = 0,
):
    """Published materials. `kind`: training, information, report. `audience`: adults, children,
    professionals (or a professional role). `country`: ISO 3166-1 alpha-2 of a project country,
    or EU. `language`: only materials with a file in that language, and only those files.

    Example, the leaflet for children in Greece, in Arabic:
    `/materials/?kind=information&audience=children&country=GR&language=ar&locale=ar`."""
    chain = locale_chain(request, locale, fallback)
    filters = _filters(kind, audience, country, language)
    queryset = selectors.filter_materials(selectors.listed_materials(), **filters)
    rows = queryset.filter(locale__language_code__in=chain.codes).values_list(
        "pk", "translation_key", "locale__language_code", "kind", "reference_number"
    )
    chosen = selectors.resolve_groups(rows, chain.codes)
    window = chosen[offset : offset + limit]
    by_pk = Material.objects.select_related("locale").in_bulk([row[-2] for row in window])
    materials = [by_pk[row[-2]] for row in window]
    return {
        "count": len(chosen),
        "items": _material_items(request, materials, chain, filters["language"]),
    }


@router.get(
    "/materials/{int:material_id}/",
    response={200: MaterialOut, 410: ErrorOut, **ERRORS},
    operation_id="get_material",
)
def get_material(
    request, material_id: int, locale: LocaleParam = None, fallback: FallbackParam = None
):
    """One material in `locale`; `material_id` may be the id of any of its translations.
    Superseded materials still resolve (old links keep working) and name their successor;
    withdrawn ones answer 410 with the reason."""
    chain = locale_chain(request, locale, fallback)
    found = Material.objects.filter(pk=material_id, live=True).first()
    if found is None:
        raise ApiError(404, "not_found", f"No published material {material_id}.")
    if found.status == Material.Status.WITHDRAWN:
        reason = found.withdrawal_reason.strip()
        raise ApiError(410, "withdrawn", f"Material {material_id} was withdrawn: {reason}")
    rows = (
        selectors.resolvable_materials()
        .filter(translation_key=found.translation_key, locale__language_code__in=chain.codes)
        .values_list("pk", "translation_key", "locale__language_code")
    )
    chosen = selectors.resolve_groups(rows, chain.codes)
    if not chosen:
        raise ApiError(
            404,
            "not_translated",
            f"Material {material_id} has no published translation in "
            f"{', '.join(chain.codes)}. Add fallback=… to accept another language.",
        )
    material = Material.objects.select_related("locale").get(pk=chosen[0][-2])
    return _material_items(request, [material], chain, None)[0]


# --- countries ------------------------------------------------------------------------------


@router.get("/countries/", response={200: CountryList, **ERRORS}, operation_id="list_countries")
def list_countries(request, locale: LocaleParam = None, fallback: FallbackParam = None):
    """The 12 countries of the mapping exercise with their localised name, the Mapping Report's
    summaries and how many support services /services/ lists for them (not paginated)."""
    chain = locale_chain(request, locale, fallback)
    rows = selectors.live_countries(chain.codes).values_list(
        "pk", "translation_key", "locale__language_code", "code"
    )
    chosen = selectors.resolve_groups(rows, chain.codes)
    by_pk = Country.objects.select_related("locale").in_bulk([row[-2] for row in chosen])
    countries = [by_pk[row[-2]] for row in chosen]
    counts = _service_counts(chain)
    translations = selectors.translations_of(Country, [c.translation_key for c in countries])
    # Same rich-text path as pages: links to non-public pages become text, output is sanitised.
    resolver = ContentResolver(request)
    for country in countries:
        resolver.collect_rich_text(country.legal_framework)
        resolver.collect_rich_text(country.assistance)
    resolver.fetch()
    items = []
    for country in countries:
        code = country.locale.language_code
        served(request, code)
        items.append(
            {
                "code": country.code,
                "name": country.name,
                "services_count": counts.get(country.code, 0),
                "legal_framework": resolver.rich_text(country.legal_framework),
                "assistance": resolver.rich_text(country.assistance),
                "locale": code,
                "is_fallback": code != chain.requested,
                "translations": _translations(translations, country.translation_key, "name"),
            }
        )
    return {"count": len(items), "items": items}


def _service_counts(chain: LocaleChain) -> dict:
    rows = selectors.live_services(chain.codes).values_list(
        "pk", "translation_key", "locale__language_code", "country"
    )
    counts: dict = {}
    for country, *_rest in selectors.resolve_groups(rows, chain.codes):
        counts[country] = counts.get(country, 0) + 1
    return counts


# --- services -------------------------------------------------------------------------------


@router.get("/services/", response={200: ServiceList, **ERRORS}, operation_id="list_services")
def list_services(
    request,
    country: str | None = None,
    locale: LocaleParam = None,
    fallback: FallbackParam = None,
    audience: str | None = None,
    limit: Limit = 20,
    offset: Offset = 0,
):
    """Support services, emergency services first. `country`: ISO 3166-1 alpha-2 of a project
    country, or EU for the EU-wide numbers (112, 116 006, 116 111). `audience`: women, men,
    children, lgbti. A service with `is_verified` false must be shown as unverified."""
    chain = locale_chain(request, locale, fallback)
    country = choice("country", country.upper() if country else country, COUNTRY_CODES)
    audience = choice("audience", audience, ServiceAudience.values)
    queryset = selectors.live_services(chain.codes, country=country, audience=audience)
    rows = queryset.values_list(
        "pk", "translation_key", "locale__language_code", "country", "is_emergency"
    )
    # Emergency services first within a country: sort on "not emergency".
    rows = [(pk, key, code, c, not emergency) for pk, key, code, c, emergency in rows]
    chosen = selectors.resolve_groups(rows, chain.codes)
    window = chosen[offset : offset + limit]
    by_pk = SupportService.objects.select_related("locale").in_bulk([row[-2] for row in window])
    services = [by_pk[row[-2]] for row in window]
    translations = selectors.translations_of(
        SupportService, [service.translation_key for service in services]
    )
    items = []
    for service in services:
        code = service.locale.language_code
        served(request, code)
        items.append(
            {
                "id": service.pk,
                "name": service.name,
                "country": service.country,
                "description": service.description,
                "phone": service.phone,
                "url": service.url,
                "hours": service.opening_hours,
                "languages": service.languages,
                "audiences": service.audiences,
                "is_emergency": service.is_emergency,
                "is_verified": service.is_verified,
                "verified_at": service.verified_at,
                "locale": code,
                "is_fallback": code != chain.requested,
                "translations": _translations(translations, service.translation_key, "name"),
            }
        )
    return {"count": len(chosen), "items": items}
