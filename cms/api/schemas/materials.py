"""Response schemas of the material library: materials, country profiles, support services."""

from datetime import date, datetime
from typing import Literal

from ninja import Schema
from pydantic import Field

from .common import LocalisedItem


class MaterialFileOut(Schema):
    language: str
    format: Literal["screen", "print", "accessible"]
    url: str = Field(description="Stable download URL (never expires).")
    filename: str = Field(description="Neutral file name sent in Content-Disposition.")
    size_bytes: int
    mime_type: str
    sha256: str
    page_count: int | None


class MaterialOut(LocalisedItem):
    id: int
    title: str
    summary: str
    kind: Literal["training", "information", "report"]
    audiences: list[str]
    countries: list[str] = Field(description="ISO 3166-1 alpha-2 codes; EU means EU-wide.")
    available_languages: list[str] = Field(description="Languages that have a file.")
    file: MaterialFileOut | None = Field(
        description="The file in the served locale's language, or null when there is none "
        "(never another language's file)."
    )
    files: list[MaterialFileOut] = Field(description="All files (only `language`'s if given).")
    status: Literal["published", "superseded"]
    superseded_by: int | None = Field(description="Id of the successor in the served locale.")
    reference_number: str
    original_language: str
    legal_information_as_of: date | None
    review_by: date | None
    updated_at: datetime


class MaterialList(Schema):
    count: int
    items: list[MaterialOut]


class CountryOut(LocalisedItem):
    code: str
    name: str
    services_count: int = Field(description="Services listed by /services/?country=<code>.")
    legal_framework: str = Field(description="HTML summary from the Mapping Report.")
    assistance: str = Field(description="HTML summary of the assistance available.")


class CountryList(Schema):
    count: int
    items: list[CountryOut]


class ServiceOut(LocalisedItem):
    id: int
    name: str
    country: str
    description: str
    phone: str
    url: str
    hours: str
    languages: list[str]
    audiences: list[str]
    is_emergency: bool
    is_verified: bool = Field(description="False: details not checked yet; show as unverified.")
    verified_at: date | None


class ServiceList(Schema):
    count: int
    items: list[ServiceOut]
