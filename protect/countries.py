"""The 12 countries of PROTECT's national mapping exercise (ISO 3166-1 alpha-2), plus EU-wide.

English names here are the data's own names; localised names come from the country records.
"""

MAPPING_COUNTRIES = {
    "BE": "Belgium",
    "BG": "Bulgaria",
    "HR": "Croatia",
    "GR": "Greece",
    "HU": "Hungary",
    "IE": "Ireland",
    "IT": "Italy",
    "MT": "Malta",
    "NL": "Netherlands",
    "PL": "Poland",
    "SI": "Slovenia",
    "ES": "Spain",
}
EU_WIDE = "EU"

COUNTRY_CHOICES = [(code, name) for code, name in MAPPING_COUNTRIES.items()]
