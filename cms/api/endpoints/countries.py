"""Country profiles of the 12 mapping countries (reads via materials.selectors)."""

from ninja import Router

from cms.fallback import pick
from materials import selectors
from materials.models import Country

from ..params import FallbackParam, LocaleChain, LocaleParam, locale_chain, served
from ..schemas.common import ERRORS
from ..schemas.materials import CountryList
from ..serializers.content import ContentResolver
from ..serializers.materials import translations

router = Router(tags=["Materials"])


@router.get("/countries/", response={200: CountryList, **ERRORS}, operation_id="list_countries")
def list_countries(request, locale: LocaleParam = None, fallback: FallbackParam = None):
    """The 12 countries of the mapping exercise with their localised name, the Mapping Report's
    summaries and how many support services /services/ lists for them (not paginated)."""
    chain = locale_chain(request, locale, fallback)
    rows = selectors.live_countries(chain.codes).values_list(
        "pk", "translation_key", "locale__language_code", "code"
    )
    chosen = pick(rows, chain.codes)
    by_pk = Country.objects.select_related("locale").in_bulk([row.pk for row in chosen])
    countries = [by_pk[row.pk] for row in chosen]
    counts = _service_counts(chain)
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
                "services_count": counts.get(country.code, 0),
                "legal_framework": resolver.rich_text(country.legal_framework),
                "assistance": resolver.rich_text(country.assistance),
                "locale": code,
                "is_fallback": code != chain.requested,
                "translations": translations(grouped, country.translation_key, "name"),
            }
        )
    return {"count": len(items), "items": items}


def _service_counts(chain: LocaleChain) -> dict:
    rows = selectors.live_services(chain.codes).values_list(
        "pk", "translation_key", "locale__language_code", "country"
    )
    counts: dict = {}
    for chosen in pick(rows, chain.codes):
        country = chosen.sort[0]
        counts[country] = counts.get(country, 0) + 1
    return counts
