"""Query parameters every endpoint shares: locale and fallback chain, pagination (``Limit``,
``Offset``: lists pick their rows with ``cms.fallback.pick`` and show ``[offset:offset + limit]``
of them), fixed choices."""

from dataclasses import dataclass
from typing import Annotated

from ninja import Query

from cms import languages

from .errors import ApiError

MAX_LIMIT = 100
MAX_OFFSET = 10_000
DEFAULT_LIMIT = 20

Limit = Annotated[
    int, Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description="Items per page, 1–100.")
]
Offset = Annotated[int, Query(0, ge=0, le=MAX_OFFSET, description="Items to skip, 0–10000.")]
LocaleParam = Annotated[
    str | None,
    Query(
        None,
        description="Language code of the content to serve (see /locales/). "
        "Default: the default language.",
    ),
]
FallbackParam = Annotated[
    str | None,
    Query(
        None,
        description="Comma-separated language codes tried in order when the content has no "
        "live translation in `locale`. Without it a missing translation is a 404.",
        examples=["en", "fa,en"],
    ),
]


@dataclass(frozen=True)
class LocaleChain:
    """The requested locale followed by the explicit fallbacks, without duplicates."""

    codes: tuple[str, ...]

    @property
    def requested(self) -> str:
        return self.codes[0]


def _check_code(code: str, parameter: str) -> str:
    if languages.get(code) is None:
        raise ApiError(
            400,
            "unknown_locale",
            f"{parameter}: unknown language code {code!r}. Allowed: {', '.join(languages.codes())}.",
        )
    return code


def locale_chain(request, locale: str | None, fallback: str | None = None) -> LocaleChain:
    requested = _check_code(locale.strip(), "locale") if locale else languages.default().code
    codes = [requested]
    if fallback is not None:
        items = [item.strip() for item in fallback.split(",")]
        if not all(items):
            raise ApiError(
                400,
                "invalid_parameter",
                "fallback: give language codes separated by commas, e.g. fallback=fa,en.",
            )
        for item in items:
            _check_code(item, "fallback")
            if item not in codes:
                codes.append(item)
    request.partner_api_requested = requested
    return LocaleChain(tuple(codes))


def served(request, *codes: str) -> None:
    """Record the locale(s) actually served; the middleware turns them into Content-Language."""
    seen = getattr(request, "partner_api_served", [])
    for code in codes:
        if code not in seen:
            seen.append(code)
    request.partner_api_served = seen


def choice(parameter: str, value: str | None, allowed) -> str | None:
    """Validate a filter with a fixed set of values; 400 naming the allowed ones."""
    if value is None or value == "":
        return None
    allowed = list(allowed)
    if value not in allowed:
        raise ApiError(
            400,
            f"unknown_{parameter}",
            f"{parameter}: unknown value {value!r}. Allowed: {', '.join(allowed)}.",
        )
    return value


__all__ = [
    "FallbackParam",
    "Limit",
    "LocaleChain",
    "LocaleParam",
    "Offset",
    "choice",
    "locale_chain",
    "served",
]
