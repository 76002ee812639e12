"""Link overrides in translations may only point somewhere a visitor can safely follow, and no
override may carry unsafe bidi controls (``cms.bidi``)."""

import json
import re

from rest_framework.exceptions import ValidationError as APIValidationError

from cms import bidi

SAFE_SCHEMES = {"http", "https", "mailto", "tel"}
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
# Browsers ignore these characters inside a scheme ("java\tscript:" runs), so we do too.
_IGNORED = re.compile(r"[\x00-\x20\x7f]+")


class UnsafeLinkError(APIValidationError):
    """A 400 inside wagtail-localize's API views; anywhere else it stops the save."""


def unsafe_scheme(value) -> str | None:
    """The scheme of ``value`` if it is not one visitors may be sent to, else None."""
    if not isinstance(value, str):
        return None
    match = _SCHEME.match(_IGNORED.sub("", value))
    if match and match.group(1).lower() not in SAFE_SCHEMES:
        return match.group(1).lower()
    return None


def check_override(data_json: str) -> None:
    try:
        value = json.loads(data_json)
    except (TypeError, ValueError):
        return
    if isinstance(value, str) and (problem := bidi.summary(value)):
        raise UnsafeLinkError({"value": problem})
    scheme = unsafe_scheme(value)
    if scheme:
        raise UnsafeLinkError(
            {"value": f"Links may not use “{scheme}:”; use http, https, mailto or tel."}
        )
