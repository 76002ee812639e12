"""Country profiles of the 12 mapping countries (reads via materials.selectors)."""

from ninja import Router

from cms.fallback import pick
from materials import selectors
from materials.models import Country

from ..params import FallbackParam, LocaleChain, LocaleParam, locale_chain
from ..schemas.common import ERRORS
from ..schemas.materials import CountryList
from ..serializers.materials import country_items

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
    items = country_items(request, countries, chain, _service_counts(chain))
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
