"""Response schemas shared by several endpoints."""

from datetime import datetime

from ninja import Schema
from pydantic import BaseModel, Field


class ErrorDetail(Schema):
    code: str = Field(description="Machine-readable code, e.g. unknown_locale, not_found.")
    message: str = Field(description="A sentence saying what is wrong and where.")


class ErrorOut(Schema):
    error: ErrorDetail


# The error statuses every content endpoint may answer (use: response={200: X, **ERRORS}).
ERRORS = {400: ErrorOut, 401: ErrorOut, 404: ErrorOut, 429: ErrorOut, 503: ErrorOut}


# Plain pydantic models, always built from dicts: a ninja ``Schema`` wraps each item and each of
# the ~460 translations of a listing in its per-field resolver (DjangoGetter), a third of the
# listing's time. Same OpenAPI document. (No docstring on TranslationOut: it would become the
# schema's description.)
class TranslationOut(BaseModel):
    locale: str
    id: int
    title: str
    url: str | None = Field(description="Public URL of the translation on the PROTECT site.")


class LocalisedItem(BaseModel):
    """Fields every content item carries."""

    locale: str = Field(description="The locale actually served.")
    is_fallback: bool = Field(description="True when `locale` is not the requested locale.")
    translations: list[TranslationOut] = Field(
        description="Every live, public translation (for hreflang), including this one."
    )


class PageListItem(LocalisedItem):
    id: int
    type: str = Field(description='Page type, e.g. "protect.AwarenessPage".')
    title: str
    url: str | None
    last_published_at: datetime | None


class PageList(BaseModel):
    count: int
    items: list[PageListItem]
