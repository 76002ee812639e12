"""JSON errors: ``{"error": {"code": "<machine_code>", "message": "<human sentence>"}}``."""

import json
import logging

from django.db import InterfaceError, OperationalError
from django.http import Http404, HttpResponse
from ninja.errors import HttpError, ValidationError

logger = logging.getLogger(__name__)

STATUS_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    410: "gone",
    413: "payload_too_large",
    414: "uri_too_long",
    429: "rate_limited",
    500: "server_error",
    503: "service_unavailable",
}
GENERIC_MESSAGES = {
    404: "No such resource. See /api/partner/v1/docs for the endpoints.",
    405: "This API is read-only: use GET, HEAD or OPTIONS.",
    500: "Something went wrong on our side. Please try again later.",
    503: "The service is temporarily unavailable. Please retry after the given delay.",
}
DB_RETRY_AFTER_SECONDS = 30


class ApiError(Exception):
    """Raise from an endpoint to answer a JSON error."""

    def __init__(self, status: int, code: str, message: str, headers: dict | None = None):
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers or {}


def error_response(status: int, code: str | None = None, message: str | None = None, **headers):
    body = {
        "error": {
            "code": code or STATUS_CODES.get(status, "error"),
            "message": message or GENERIC_MESSAGES.get(status, "The request could not be served."),
        }
    }
    response = HttpResponse(
        json.dumps(body, ensure_ascii=False), status=status, content_type="application/json"
    )
    for name, value in headers.items():
        response[name.replace("_", "-")] = value
    return response


def database_unavailable():
    return error_response(503, "database_unavailable", Retry_After=str(DB_RETRY_AFTER_SECONDS))


def _describe_validation(errors: list[dict]) -> str:
    parts = []
    for error in errors:
        loc = [str(part) for part in error.get("loc", ()) if part not in ("query", "path")]
        where = ".".join(loc) or "request"
        parts.append(f"{where}: {error.get('msg', 'invalid value')}")
    return "Invalid parameter " + "; ".join(parts) + "."


def install(api) -> None:
    """Replace ninja's default handlers (``{"detail": …}``, 422) with the contract's format."""

    @api.exception_handler(ApiError)
    def on_api_error(request, exc: ApiError):
        return error_response(exc.status, exc.code, exc.message, **exc.headers)

    @api.exception_handler(ValidationError)
    def on_validation_error(request, exc: ValidationError):
        message = _describe_validation(exc.errors)
        return error_response(400, "invalid_parameter", message)

    @api.exception_handler(HttpError)
    def on_http_error(request, exc: HttpError):
        return error_response(exc.status_code, None, str(exc))

    @api.exception_handler(Http404)
    def on_404(request, exc):
        return error_response(404)

    def on_database_unreachable(request, exc):
        logger.exception("Partner API: database unreachable")
        return database_unavailable()

    # Connection-level failures only; other database errors are bugs and answer a JSON 500.
    api.add_exception_handler(OperationalError, on_database_unreachable)
    api.add_exception_handler(InterfaceError, on_database_unreachable)
