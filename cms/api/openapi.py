"""What the generated OpenAPI document cannot know by itself: caching headers, conditional
requests, the shared error answers and the subtitle file endpoints (plain Django views)."""

from copy import deepcopy

from cms import languages
from cms.countries import COUNTRY_CODES
from materials.choices import Audience, Kind, ServiceAudience

from . import pagetypes
from .caching import CACHE_CONTROL
from .params import MAX_ID

DESCRIPTION = (
    """Read-only JSON API for partner websites embedding PROTECT content.

* Anonymous access sees exactly the public site. An optional `X-API-Key` header (keys are made by
  the PROTECT team) selects a higher rate tier; it never widens what is visible.
* Every 200 carries `ETag`, `Last-Modified` and `Cache-Control: """
    + CACHE_CONTROL
    + """`;
  send `If-None-Match` to get a 304 without a body.
* Errors are JSON: `{"error": {"code": "...", "message": "..."}}`.
* Methods: GET, HEAD, OPTIONS. CORS is open to the configured partner origins.
"""
)

_HEADERS = {
    "ETag": {
        "description": "Weak validator; send it back in If-None-Match.",
        "schema": {"type": "string"},
    },
    "Last-Modified": {
        "description": "When partner-visible content last changed.",
        "schema": {"type": "string"},
    },
    "Cache-Control": {"description": CACHE_CONTROL, "schema": {"type": "string"}},
    "Content-Language": {"description": "The locale(s) served.", "schema": {"type": "string"}},
}
_ERROR_REF = {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorOut"}}}
_SHARED_RESPONSES = {
    "304": {
        "description": "Not modified: If-None-Match matched. No body.",
        "headers": {name: _HEADERS[name] for name in ("ETag", "Last-Modified", "Cache-Control")},
    },
    "429": {
        "description": "Rate limit reached (uncached requests only).",
        "headers": {
            "Retry-After": {"description": "Seconds to wait.", "schema": {"type": "integer"}}
        },
        "content": _ERROR_REF,
    },
    "503": {
        "description": "The database is unreachable; retry later.",
        "headers": {
            "Retry-After": {"description": "Seconds to wait.", "schema": {"type": "integer"}}
        },
        "content": _ERROR_REF,
    },
}
_API_KEY = {
    "name": "X-API-Key",
    "in": "header",
    "required": False,
    "schema": {"type": "string"},
    "description": "Optional partner key: selects a rate tier. Unknown or revoked keys get 401.",
}
_IF_NONE_MATCH = {
    "name": "If-None-Match",
    "in": "header",
    "required": False,
    "schema": {"type": "string"},
    "description": "An ETag from an earlier answer; 304 when it still matches.",
}


def _file_operation(kind: str, media_type: str, summary: str) -> dict:
    return {
        "get": {
            "operationId": f"video_{kind}_file",
            "summary": summary,
            "tags": ["Videos"],
            "parameters": [
                {
                    "name": "id",
                    "in": "path",
                    "required": True,
                    "schema": {"type": "integer", "minimum": 1, "maximum": MAX_ID},
                },
                {
                    "name": "lang",
                    "in": "path",
                    "required": True,
                    "schema": {"type": "string", "enum": languages.codes()},
                    "description": "Language code of a published subtitle track.",
                },
                _IF_NONE_MATCH,
            ],
            "responses": {
                "200": {
                    "description": summary,
                    "headers": {
                        name: _HEADERS[name] for name in ("ETag", "Last-Modified", "Cache-Control")
                    },
                    "content": {media_type: {"schema": {"type": "string"}}},
                },
                "304": _SHARED_RESPONSES["304"],
                "404": {
                    "description": "No such video or no published track in that language.",
                    "content": _ERROR_REF,
                },
            },
        }
    }


def _parameter_enums(operation_id: str) -> dict[str, list[str]]:
    """Enumerations ninja cannot attach to query parameters itself (the endpoints check the
    same vocabularies and answer 400 naming them)."""
    codes = languages.codes()
    audiences = ServiceAudience.values if operation_id == "list_services" else Audience.values
    return {
        "locale": codes,
        "language": codes,
        "type": sorted(pagetypes.page_models()),
        "kind": list(Kind.values),
        "audience": list(audiences),
        "country": list(COUNTRY_CODES),
    }


def _examples_as_map(parameter: dict) -> None:
    """ninja copies a field's ``examples`` list to the parameter, where OpenAPI 3.1 wants a map
    of Example Objects (the list stays valid JSON Schema inside ``schema``)."""
    examples = parameter.get("examples")
    if isinstance(examples, list):
        parameter["examples"] = {
            f"example{number}": {"value": value} for number, value in enumerate(examples, 1)
        }


def complete(schema: dict, path_prefix: str) -> dict:
    schema = deepcopy(dict(schema))
    for operations in schema.get("paths", {}).values():
        for operation in operations.values():
            enums = _parameter_enums(operation.get("operationId", ""))
            for parameter in operation.get("parameters", []):
                _examples_as_map(parameter)
                if parameter.get("in") == "query" and parameter["name"] in enums:
                    _set_enum(parameter["schema"], enums[parameter["name"]])
            operation.setdefault("parameters", []).extend([_API_KEY, _IF_NONE_MATCH])
            # ninja keys statuses by int; JSON keys are strings: normalise before merging.
            responses = {
                str(status): value for status, value in operation.get("responses", {}).items()
            }
            operation["responses"] = responses
            if "200" in responses:
                responses["200"].setdefault("headers", {}).update(_HEADERS)
            for status, response in _SHARED_RESPONSES.items():
                responses.setdefault(status, response)
    base = path_prefix.rstrip("/")
    schema["paths"][f"{base}/videos/{{id}}/tracks/{{lang}}.vtt"] = _file_operation(
        "track", "text/vtt", "A subtitle track as WebVTT (UTF-8, no BOM, LF)."
    )
    schema["paths"][f"{base}/videos/{{id}}/transcript/{{lang}}.txt"] = _file_operation(
        "transcript", "text/plain", "The plain-text transcript of one language."
    )
    return schema


def _set_enum(schema: dict, values: list[str]) -> None:
    for option in schema.get("anyOf", [schema]):
        if option.get("type") == "string":
            option["enum"] = values
