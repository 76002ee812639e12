"""Query parameters every endpoint shares: locale and fallback chain, pagination (``Limit``,
``Offset``: lists pick their rows with ``cms.fallback.pick`` and show ``[offset:offset + limit]``
of them), fixed choices."""

import re
from dataclasses import dataclass
from typing import Annotated

from ninja import Path, Query

from cms import bidi, languages

from .errors import ApiError

MAX_LIMIT = 100
MAX_OFFSET = 10_000
DEFAULT_LIMIT = 20
# Ids are 32-bit on every database we run on; larger numbers name nothing (and overflow SQLite).
MAX_ID = 2**31 - 1
MAX_PARAMETER_LENGTH = 2000
# C0/C1 control characters (NUL included) mean nothing in any parameter: refuse them up front.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")

IdPath = Annotated[int, Path(..., ge=1, le=MAX_ID, description="Numeric id, 1–2147483647.")]

Limit = Annotated[
    int, Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description="Items per page, 1–100.")
]
Offset = Annotated[int, Query(0, ge=0, le=MAX_OFFSET, description="Items to skip, 0–10000.")]
FilterParam = Annotated[
    str | None, Query(None, max_length=50, description="One value of the listed vocabulary.")
]
LocaleParam = Annotated[
    str | None,
    Query(
        None,
        max_length=20,
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
        max_length=200,
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


# Raw query strings (with the request's encoding) that passed ``check_query`` in this process:
# the check depends on nothing else, and a warm answer then skips parsing the query. Only
# successes are kept (a bad query is refused each time); bounded, and cleared when full (cache
# busters only cost a re-check).
_ACCEPTED_MAX = 256
_ACCEPTED_LENGTH = 1024
_accepted: dict[tuple[str, str | None], None] = {}


def check_query(request) -> None:
    """Refuse control characters, unsafe bidi controls (``cms.bidi``) and oversized values in
    any query parameter (400)."""
    key = (request.META.get("QUERY_STRING", ""), request.encoding)
    if key in _accepted:
        return
    # Checked on request.GET itself (what the endpoints read), not on a re-parse of the key.
    _check_values(request.GET)
    if len(key[0]) <= _ACCEPTED_LENGTH:
        if len(_accepted) >= _ACCEPTED_MAX:
            _accepted.clear()
        _accepted[key] = None


def _check_values(query) -> None:
    for name, values in query.lists():
        for value in [name, *values]:
            if _CONTROL.search(value):
                raise ApiError(
                    400,
                    "invalid_parameter",
                    f"{name[:50]!r}: control characters are not allowed in parameters.",
                )
            if problem := bidi.summary(value):
                # An override or unbalanced isolate would reorder the value wherever it is
                # echoed (search terms, paths); marks and balanced isolates are fine.
                raise ApiError(400, "invalid_parameter", f"{name[:50]!r}: {problem}")
            if len(value) > MAX_PARAMETER_LENGTH:
                raise ApiError(
                    400,
                    "invalid_parameter",
                    f"{name[:50]!r}: longer than {MAX_PARAMETER_LENGTH} characters.",
                )


def in_id_range(value: int) -> bool:
    return 1 <= value <= MAX_ID


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
    "MAX_ID",
    "FallbackParam",
    "FilterParam",
    "IdPath",
    "Limit",
    "LocaleChain",
    "LocaleParam",
    "Offset",
    "check_query",
    "choice",
    "in_id_range",
    "locale_chain",
    "served",
]
