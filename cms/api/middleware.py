"""What wraps every Partner API request (paths under ``/api/partner/``).

Order of work for a GET/HEAD: content version → ETag → 304 (at most one cheap query a second,
no serialisation) →
response cache → rate limit (uncached requests only) → the endpoint → cache the 200 → headers.
Installed right after ``corsheaders`` so that CORS headers reach every answer, including errors;
the site's security headers (SecurityMiddleware, Referrer-Policy) are added above it too.

The site's middleware below this one is not run for the API: the endpoint is resolved and called
here (``call_endpoint``). The API is read-only and anonymous, so sessions, CSRF, auth, messages,
django-axes (logins) and Wagtail's redirects (pages) have nothing to do, and its answers are the
same whatever the visitor's language (they are cached without it): no LocaleMiddleware, the
default language is active. What of theirs reaches clients is added here: X-Frame-Options,
the Content-Security-Policy and Content-Length.
"""

import threading
from collections import OrderedDict

from csp.constants import HEADER as CSP_HEADER
from csp.utils import build_policy
from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.core.handlers.exception import response_for_exception
from django.db import InterfaceError, OperationalError
from django.http import Http404, HttpResponse, HttpResponseNotModified
from django.urls import get_resolver
from django.utils import translation
from django.utils.http import http_date, parse_etags, parse_http_date_safe

from cms.uploads.renditions import track_missing

from . import cache_keys, caching, ratelimit
from .caching import CACHE_CONTROL
from .errors import ApiError, database_unavailable, error_response
from .params import check_query

API_ROOT = "/api/partner/"
ALLOWED = "GET, HEAD, OPTIONS"
# Non-content documents that are cached but carry no Content-Language.
_STORED_HEADERS = ("Content-Type", "Content-Language", "Content-Disposition")
RESOLVED_PATHS = 1024
_resolved: OrderedDict = OrderedDict()  # (resolver, path) → ResolverMatch, least recent first
_resolved_lock = threading.Lock()
_csp_memo: list = [None, ""]  # [the CONTENT_SECURITY_POLICY it was built from, the header]


def _bench_cold(request) -> bool:
    """Only the benchmark's settings name a header that makes a request skip the cache."""
    header = getattr(settings, "PARTNER_API_BENCH_COLD_HEADER", None)
    return header is not None and header in request.META


def _wants_any(request) -> bool:
    return "*" in parse_etags(request.META.get("HTTP_IF_NONE_MATCH", ""))


def not_modified(request, etag: str, changed_at) -> bool:
    """True when the client's copy is current. ``If-None-Match: *`` ("any current
    representation") is decided after the endpoint has answered: a missing page stays a 404.
    Validators are read from META: ``request.headers`` builds a dict on each request."""
    inm = request.META.get("HTTP_IF_NONE_MATCH")
    if inm is not None:
        wanted = {tag.removeprefix("W/") for tag in parse_etags(inm)}
        return etag.removeprefix("W/") in wanted
    since = parse_http_date_safe(request.META.get("HTTP_IF_MODIFIED_SINCE", ""))
    return since is not None and int(changed_at.timestamp()) <= since


class PartnerApiMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(API_ROOT):
            return self.get_response(request)
        method = request.method
        if method == "OPTIONS":
            # CORS preflights are answered by corsheaders before this point.
            response = HttpResponse(status=204)
            response["Allow"] = ALLOWED
            return response
        if method not in ("GET", "HEAD"):
            return error_response(405, Allow=ALLOWED)
        if method == "HEAD":
            request.method = "GET"  # endpoints are declared for GET; the body is dropped below
        try:
            check_query(request)
            response = self.serve(request)
        except ApiError as exc:
            response = error_response(exc.status, exc.code, exc.message, **exc.headers)
        except DisallowedHost:
            response = error_response(400, "invalid_host", "The Host header is not served here.")
        except (OperationalError, InterfaceError):
            response = database_unavailable()
        response = self.as_json_error(request, response)
        add_site_headers(response)
        if method == "HEAD":
            request.method = "HEAD"
            if not response.streaming:
                response.content = b""
        return response

    def serve(self, request):
        path, host = request.path, cache_keys.host(request)
        query = cache_keys.canonical_query(request)
        token, changed_at = caching.current_version()
        etag = caching.etag_for(token, path, query)
        last_modified = http_date(changed_at.timestamp())
        if not_modified(request, etag, changed_at):
            response = HttpResponseNotModified()
            self.add_validators(response, etag, last_modified)
            return response

        key = caching.response_key(token, host, path, query)
        stored = None if _bench_cold(request) else caching.cache_get(key)
        if stored is not None:
            response = HttpResponse(stored["content"], status=200)
            for name, value in stored["headers"].items():
                response[name] = value
            response["X-Cache"] = "hit"
        else:
            ratelimit.check(request)
            with track_missing() as missing_renditions:
                response = call_endpoint(request)
            if response.status_code != 200 or response.streaming:
                if response.status_code >= 400:
                    response["Cache-Control"] = "no-store"
                return response
            served = getattr(request, "partner_api_served", None) or [
                code for code in [getattr(request, "partner_api_requested", None)] if code
            ]
            if served:
                response["Content-Language"] = ", ".join(served)
            if missing_renditions:
                # Served without an image the storage could not write: neither kept in the
                # cache nor given an ETag, so the next request makes the rendition again.
                response["Cache-Control"] = "no-store"
                return response
            headers = {name: response[name] for name in _STORED_HEADERS if name in response}
            caching.cache_set(
                key,
                {"content": response.content, "headers": headers},
                settings.PARTNER_API_CACHE_SECONDS,
            )
            response["X-Cache"] = "miss"
        if _wants_any(request):
            response = HttpResponseNotModified()
        self.add_validators(response, etag, last_modified)
        return response

    @staticmethod
    def add_validators(response, etag: str, last_modified: str) -> None:
        response["ETag"] = etag
        response["Last-Modified"] = last_modified
        response["Cache-Control"] = CACHE_CONTROL

    @staticmethod
    def as_json_error(request, response):
        """Never an HTML error page under /api/: rewrite non-JSON errors into the contract's."""
        status = response.status_code
        if status < 400 or response.get("Content-Type", "").startswith("application/json"):
            return response
        if status >= 500 and getattr(request, "partner_api_database_down", False):
            return database_unavailable()
        if status == 405:
            return error_response(405, Allow=ALLOWED)
        replacement = error_response(status)
        for name in ("Retry-After", "Allow"):
            if name in response:
                replacement[name] = response[name]
        return replacement


def call_endpoint(request):
    """The endpoint's answer, as Django's handler would give it below this middleware: URL
    resolved, view called, an exception turned into an answer (logged and signalled:
    ``signal_handlers.note_database_outage``), an unknown path a 404."""
    translation.activate(settings.LANGUAGE_CODE)
    try:
        match = _resolve(get_resolver(getattr(request, "urlconf", None)), request.path_info)
        request.resolver_match = match
        return match.func(request, *match.args, **match.kwargs)
    except Http404:  # also Resolver404: no HTML 404 page is rendered only to be replaced
        return error_response(404)
    except Exception as exc:
        return response_for_exception(request, exc)


def _resolve(resolver, path: str):
    """``resolver.resolve(path)``, remembered for the last ``RESOLVED_PATHS`` paths: the root
    URLconf is tried pattern by pattern (the admin's, the site's) before the API's."""
    key = (resolver, path)
    with _resolved_lock:
        match = _resolved.get(key)
        if match is not None:
            _resolved.move_to_end(key)
            return match
    match = resolver.resolve(path)  # Resolver404 is not remembered
    with _resolved_lock:
        _resolved[key] = match
        if len(_resolved) > RESOLVED_PATHS:
            _resolved.popitem(last=False)
    return match


def add_site_headers(response) -> None:
    """What the site's skipped middleware would add that reaches clients: X-Frame-Options
    (clickjacking), the site's Content-Security-Policy (django-csp) and Content-Length
    (CommonMiddleware; HEAD keeps the GET's; none on a 204 or 304, as HTTP requires)."""
    if not getattr(response, "xframe_options_exempt", False):
        response.headers.setdefault(
            "X-Frame-Options", getattr(settings, "X_FRAME_OPTIONS", "DENY").upper()
        )
    if not getattr(response, "_csp_exempt", False) and (policy := _csp_header()):
        response.headers.setdefault(CSP_HEADER, policy)
    if response.status_code not in (204, 304) and not response.streaming:
        response.headers.setdefault("Content-Length", str(len(response.content)))


def _csp_header() -> str:
    """The site's policy without a nonce (API answers run no script), built once per setting."""
    config = getattr(settings, "CONTENT_SECURITY_POLICY", None)
    if _csp_memo[0] is not config:
        _csp_memo[:] = [config, build_policy()]
    return _csp_memo[1]
