"""The material library (reads via materials.selectors): downloadable materials and their files."""

from ninja import Router

from cms import languages
from cms.countries import COUNTRY_CODES
from cms.fallback import pick, pick_in_sql
from materials import selectors
from materials.choices import Audience, Kind
from materials.models import Material

from ..errors import ApiError
from ..params import (
    FallbackParam,
    FilterParam,
    IdPath,
    Limit,
    LocaleParam,
    Offset,
    choice,
    locale_chain,
)
from ..schemas.common import ERRORS, ErrorOut
from ..schemas.materials import MaterialList, MaterialOut
from ..serializers.materials import material_items

router = Router(tags=["Materials"])


def _filters(kind, audience, country, language) -> dict:
    return {
        "kind": choice("kind", kind, Kind.values),
        "audience": choice("audience", audience, Audience.values),
        "country": choice("country", country.upper() if country else country, COUNTRY_CODES),
        "language": choice("language", language, languages.codes()),
    }


@router.get("/materials/", response={200: MaterialList, **ERRORS}, operation_id="list_materials")
def list_materials(
    request,
    locale: LocaleParam = None,
    fallback: FallbackParam = None,
    kind: FilterParam = None,
    audience: FilterParam = None,
    country: FilterParam = None,
    language: FilterParam = None,
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
    chosen = pick_in_sql(queryset, chain.codes, ["kind", "reference_number"])
    ids = list(chosen.values_list("pk", flat=True)[offset : offset + limit])
    count = chosen.count() if offset or len(ids) == limit else len(ids)
    by_pk = Material.objects.select_related("locale").in_bulk(ids)
    materials = [by_pk[pk] for pk in ids]
    return {
        "count": count,
        "items": material_items(request, materials, chain, filters["language"]),
    }


@router.get(
    "/materials/{int:material_id}/",
    response={200: MaterialOut, 410: ErrorOut, **ERRORS},
    operation_id="get_material",
)
def get_material(
    request, material_id: IdPath, locale: LocaleParam = None, fallback: FallbackParam = None
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
    chosen = pick(rows, chain.codes)
    if not chosen:
        raise ApiError(
            404,
            "not_translated",
            f"Material {material_id} has no published translation in "
            f"{', '.join(chain.codes)}. Add fallback=… to accept another language.",
        )
    material = Material.objects.select_related("locale").get(pk=chosen[0].pk)
    return material_items(request, [material], chain, None)[0]
