"""Read-side queries for the public (partner API, downloads): only what anyone may see.

Public means: live (published in Wagtail), not withdrawn, and files outside private collections
(``cms.visibility``). Superseded materials stay resolvable by id (old links keep working) but
leave the listings.
"""

from django.db.models import QuerySet

from cms import fallback, languages
from cms.countries import MAPPING_COUNTRIES
from cms.visibility import in_restricted_collection
from materials.fields import contains_code
from materials.models import Country, Material, MaterialFile, SupportService


def public_files() -> QuerySet[MaterialFile]:
    return (
        MaterialFile.objects.filter(material__live=True)
        .exclude(material__status=Material.Status.WITHDRAWN)
        .exclude(in_restricted_collection("document__collection__path"))
        .select_related("document", "material")
        .order_by("material_id", "sort_order", "pk")
    )


def document_is_withheld(document) -> bool:
    """True when ``document`` is a file of materials none of which is public (withdrawn, never
    published, unpublished): Wagtail's /documents/ URL must not serve what /downloads/ hides."""
    files = MaterialFile.objects.filter(document=document)
    return (
        files.exists()
        and not files.filter(material__live=True)
        .exclude(material__status=Material.Status.WITHDRAWN)
        .exists()
    )


def listed_materials(locale=None) -> QuerySet[Material]:
    """Materials a listing shows: live and currently published."""
    queryset = Material.objects.filter(live=True, status=Material.Status.PUBLISHED)
    if locale is not None:
        queryset = queryset.filter(locale=locale)
    return queryset.select_related("locale")


def resolvable_materials() -> QuerySet[Material]:
    """Materials an id may resolve to: live and published or superseded (not withdrawn)."""
    return Material.objects.filter(live=True).exclude(status=Material.Status.WITHDRAWN)


def filter_materials(
    queryset: QuerySet[Material],
    *,
    kind: str | None = None,
    audience: str | None = None,
    country: str | None = None,
    language: str | None = None,
) -> QuerySet[Material]:
    """Apply the partner filters; values must already be validated against the vocabularies."""
    if kind:
        queryset = queryset.filter(kind=kind)
    if audience:
        queryset = queryset.filter(contains_code("audiences", audience))
    if country:
        queryset = queryset.filter(contains_code("countries", country))
    if language:
        keys = public_files().filter(language=language).values("material__translation_key")
        queryset = queryset.filter(translation_key__in=keys)
    return queryset


def files_by_group(translation_keys, language: str | None = None) -> dict:
    """Public files of several materials at once: {translation_key: [MaterialFile, …]}."""
    files = public_files().filter(material__translation_key__in=list(translation_keys))
    if language:
        files = files.filter(language=language)
    grouped: dict = {}
    for material_file in files:
        grouped.setdefault(material_file.material.translation_key, []).append(material_file)
    return grouped


def live_countries(codes) -> QuerySet[Country]:
    """Live profiles of the 12 mapping countries in the locales ``codes``."""
    return Country.objects.filter(
        live=True, code__in=list(MAPPING_COUNTRIES), locale__language_code__in=list(codes)
    )


def live_services(
    codes, *, country: str | None = None, audience: str | None = None
) -> QuerySet[SupportService]:
    """Live support services in the locales ``codes``, optionally of one country or audience."""
    queryset = SupportService.objects.filter(live=True, locale__language_code__in=list(codes))
    if country:
        queryset = queryset.filter(country=country)
    if audience:
        queryset = queryset.filter(contains_code("audiences", audience))
    return queryset


def translations_of(model, keys, **filters) -> dict:
    """translation_key -> [obj, …] of live translations, in the language table's order."""
    grouped: dict = {}
    rows = model.objects.filter(live=True, translation_key__in=list(keys), **filters)
    for obj in rows.select_related("locale"):
        grouped.setdefault(obj.translation_key, []).append(obj)
    for group in grouped.values():
        group.sort(key=lambda obj: languages.sort_key(obj.locale.language_code))
    return grouped


def successors_in(material_ids, codes: tuple[str, ...]) -> dict:
    """material pk -> pk of its public translation in the first of ``codes`` that has one, or in
    any locale. A successor with no public copy (a draft, withdrawn) is left out: its id must
    not leak."""
    key_of = dict(
        Material.objects.filter(pk__in=list(material_ids)).values_list("pk", "translation_key")
    )
    rows = (
        resolvable_materials()
        .filter(translation_key__in=list(key_of.values()), locale__language_code__in=codes)
        .values_list("pk", "translation_key", "locale__language_code")
    )
    best = {chosen.key: chosen.pk for chosen in fallback.pick(rows, codes)}
    anywhere = dict(
        resolvable_materials()
        .filter(translation_key__in=list(key_of.values()))
        .order_by("pk")
        .values_list("translation_key", "pk")
    )
    return {pk: best.get(key, anywhere.get(key)) for pk, key in key_of.items() if key in anywhere}
