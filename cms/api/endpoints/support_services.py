"""Support services that migrant victims of SGBV can reach (reads via materials.selectors)."""

from ninja import Router

from cms.countries import COUNTRY_CODES
from cms.fallback import pick_in_sql
from materials import selectors
from materials.choices import ServiceAudience
from materials.models import SupportService

from ..params import FallbackParam, FilterParam, Limit, LocaleParam, Offset, choice, locale_chain
from ..schemas.common import ERRORS
from ..schemas.materials import ServiceList
from ..serializers.materials import service_items

router = Router(tags=["Materials"])


@router.get("/services/", response={200: ServiceList, **ERRORS}, operation_id="list_services")
def list_services(
    request,
    country: FilterParam = None,
    locale: LocaleParam = None,
    fallback: FallbackParam = None,
    audience: FilterParam = None,
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
    # Emergency services first within a country.
    chosen = pick_in_sql(queryset, chain.codes, ["country", "-is_emergency"])
    ids = list(chosen.values_list("pk", flat=True)[offset : offset + limit])
    count = chosen.count() if offset or len(ids) == limit else len(ids)
    by_pk = SupportService.objects.select_related("locale").in_bulk(ids)
    services = [by_pk[pk] for pk in ids]
    return {"count": count, "items": service_items(request, services, chain)}
