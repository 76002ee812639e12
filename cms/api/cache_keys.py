"""What tells cached answers apart: the host, the path and the query parameters the API knows.

Unknown query parameters (``?zzz=1``, cache busters) are left out of the response-cache key and
the ETag: the endpoints ignore them, so the answer is the same and they must not force a miss.
Known parameters are those the OpenAPI document declares for any operation (a new endpoint
parameter is in the key without anyone remembering to list it) plus ``EXTRA_PARAMETERS`` for the
plain Django views under the API.

The host is in the key as defence in depth: absolute URLs in answers come from
``PUBLIC_BASE_URL`` (``cms/addresses.py``), never from the Host header, but a view that ever
used ``build_absolute_uri`` could otherwise serve ``Host: evil.example`` links to everyone.
"""

from functools import lru_cache
from urllib.parse import parse_qsl, urlencode

from .api import api
from .caching import API_PREFIX

EXTRA_PARAMETERS: frozenset[str] = frozenset()  # query parameters read by views outside ninja
_known: frozenset[str] | None = None


def known_parameters() -> frozenset[str]:
    global _known
    if _known is None:
        schema = api.get_openapi_schema(path_prefix=API_PREFIX)  # built once per process
        names = {
            parameter["name"]
            for operations in schema["paths"].values()
            for operation in operations.values()
            for parameter in operation.get("parameters", ())
            if parameter.get("in") == "query"
        }
        _known = frozenset(names) | EXTRA_PARAMETERS
    return _known


def canonical_query(request) -> str:
    """The known parameters, sorted: ``?b=2&a=1&zzz=9`` and ``?a=1&b=2`` give the same key."""
    return _canonical(request.META.get("QUERY_STRING", ""))


@lru_cache(maxsize=256)  # a function of the raw query string alone (known_parameters is fixed)
def _canonical(query_string: str) -> str:
    known = known_parameters()
    pairs = parse_qsl(query_string, keep_blank_values=True)
    return urlencode(sorted(pair for pair in pairs if pair[0] in known))


def host(request) -> str:
    """The request's host, checked against ALLOWED_HOSTS (DisallowedHost otherwise)."""
    return request.get_host().lower()
