"""The demo's facts: which languages each country's leaflets come in, and the services.

Sample national services are marked unverified (no ``verified_at``): their details must be
checked with the national partners before anyone relies on them. Only the EU-wide harmonised
numbers are real and verified.
"""

import datetime

from materials.choices import ServiceAudience

# Official language(s) of each country in our language table (Ireland's leaflets are in English).
NATIONAL_LANGUAGES = {
    "BE": ["nl", "fr"],
    "BG": ["bg"],
    "HR": ["hr"],
    "GR": ["el"],
    "HU": ["hu"],
    "IE": [],
    "IT": ["it"],
    "MT": ["mt"],
    "NL": ["nl"],
    "PL": ["pl"],
    "SI": ["sl"],
    "ES": ["es"],
}
# Languages of the main migrant communities the leaflets were written for (demo choice).
COMMUNITY_LANGUAGES = {
    "BE": ["ar", "ps"],
    "BG": ["ar", "fa"],
    "HR": ["ar", "fa"],
    "GR": ["ar", "fa", "prs"],
    "HU": ["fa", "ur"],
    "IE": ["ar", "so"],
    "IT": ["ti", "so", "ar"],
    "MT": ["ti", "so", "ar"],
    "NL": ["ar", "ti"],
    "PL": ["ru", "tr"],
    "SI": ["ar", "ckb"],
    "ES": ["ar", "fr"],
}
TRAINING_LANGUAGES = ["en", "fr", "it", "es", "el", "bg"]

VERIFIED = datetime.date(2026, 11, 1)
EU_SERVICES = [
    {
        "name": "European emergency number",
        "phone": "112",
        "description": "Police, ambulance and fire brigade, free of charge from any phone in "
        "the EU. Call if you or someone else is in immediate danger.",
        "opening_hours": "24/7",
        "audiences": [a.value for a in ServiceAudience],
        "is_emergency": True,
        "verified_at": VERIFIED,
    },
    {
        "name": "Helpline for victims of crime",
        "phone": "116 006",
        "description": "Confidential emotional and practical support for victims of crime, in "
        "the EU countries where the harmonised number is in service.",
        "opening_hours": "Depends on the country",
        "audiences": [a.value for a in ServiceAudience],
        "is_emergency": False,
        "verified_at": VERIFIED,
    },
    {
        "name": "Child helpline",
        "phone": "116 111",
        "description": "Children and young people can talk about any worry, in confidence, "
        "in the EU countries where the harmonised number is in service.",
        "opening_hours": "Depends on the country",
        "audiences": [ServiceAudience.CHILDREN.value],
        "is_emergency": False,
        "verified_at": VERIFIED,
    },
]

# Sample national lines; every one is unverified (see module docstring).
NATIONAL_PHONES = {
    "ES": "016",
    "IT": "1522",
    "GR": "15900",
    "NL": "0800-2000",
    "IE": "1800 341 900",
    "PL": "800 120 002",
    "MT": "179",
}
SAMPLE_URL = "https://eu.iom.int/"
