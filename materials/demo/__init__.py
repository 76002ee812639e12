"""Demo content of the material library: country profiles, support services, the training
toolkit, information leaflets for adults and children in every mapping country, and the Mapping
Report, with real small PDFs in each language's own script.

``build`` uses the same services as the admin (documents go through the upload checks) and is
safe to run again.
"""

from wagtail.models import Locale

from cms.countries import MAPPING_COUNTRIES

from .library import materials
from .profiles import country_profiles, support_services


def build(home, user=None, countries=None) -> list:
    """Create the English snippets (and their files) for ``countries`` (ISO codes; default: the
    12 mapping countries); return them in translation order."""
    codes = list(countries or MAPPING_COUNTRIES)
    locale = Locale.get_default()
    return [
        *country_profiles(codes, locale, user),
        *support_services(codes, locale, user),
        *materials(codes, locale, user),
    ]
