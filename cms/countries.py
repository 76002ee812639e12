"""The countries PROTECT works with: the 12 of its national mapping exercise (ISO 3166-1
alpha-2) and "EU" for what applies EU-wide. The one home of the country vocabulary.

English names are the data's own names; localised names come from the country profiles
(``materials.Country``).
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

# code -> English name, for every code content may carry.
NAMES = {**MAPPING_COUNTRIES, EU_WIDE: "EU-wide"}
# What a material, a support service or a country profile is for: the 12 and EU-wide.
COUNTRY_CHOICES = list(NAMES.items())
COUNTRY_CODES = list(NAMES)
# Only the 12 mapping countries (the project page's list of where the mapping was done).
MAPPING_COUNTRY_CHOICES = list(MAPPING_COUNTRIES.items())
