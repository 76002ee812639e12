"""Materials, country profiles and support services as the partner contract shows them, built
for a whole page of results at once (one query per kind of related data)."""

from cms import languages
from cms.addresses import absolute
from materials import selectors
from materials.choices import FileFormat
from materials.models import Country, Material, SupportService

from ..params import LocaleChain, served
from .content import ContentResolver


def translations(grouped: dict, key, label: str) -> list[dict]:
    """The ``translations`` list of one item from ``selectors.translations_of``."""
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
        "url": absolute(material_file.get_download_url()),
        "filename": material_file.download_name,
        "size_bytes": material_file.size_bytes,
        "mime_type": material_file.mime_type,
        "sha256": material_file.sha256,
        "page_count": material_file.page_count,
    }


def _format_rank(material_file) -> tuple:
    return (
        languages.sort_key(material_file.language),
        FileFormat.values.index(material_file.format),
    )


def material_items(request, materials: list, chain: LocaleChain, language: str | None) -> list:
    keys = [material.translation_key for material in materials]
    files = selectors.files_by_group(keys)
    grouped = selectors.translations_of(
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
                "translations": translations(grouped, material.translation_key, "title"),
                "title": material.title,
                "summary": material.summary,
                "kind": material.kind,
                "audiences": material.audiences,
                "countries": material.countries,
                "available_languages": sorted(
                    {f.language for f in group_files}, key=languages.sort_key
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


def service_items(request, services: list, chain: LocaleChain) -> list:
    grouped = selectors.translations_of(SupportService, [s.translation_key for s in services])
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
                "translations": translations(grouped, service.translation_key, "name"),
            }
        )
    return items


def country_items(request, countries: list, chain: LocaleChain, service_counts: dict) -> list:
    grouped = selectors.translations_of(Country, [c.translation_key for c in countries])
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
                "services_count": service_counts.get(country.code, 0),
                "legal_framework": resolver.rich_text(country.legal_framework),
                "assistance": resolver.rich_text(country.assistance),
                "locale": code,
                "is_fallback": code != chain.requested,
                "translations": translations(grouped, country.translation_key, "name"),
            }
        )
    return items
