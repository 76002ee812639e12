"""Serving a stored file with HTTP range requests (RFC 9110 §14), so video players can seek.

One range per request; a multi-range request is answered with the whole file, as the RFC allows.
"""

import re

from django.http import StreamingHttpResponse
from django.utils.http import http_date, parse_http_date_safe

from cms.uploads import read_range

from .errors import error_response

_RANGE = re.compile(r"bytes=(\d*)-(\d*)")


def parse_range(header: str, size: int) -> tuple[int, int] | None | bool:
    """(first, last) byte positions; None to serve the whole file; False if unsatisfiable."""
    match = _RANGE.fullmatch(header.strip())
    if match is None:
        return None  # other units, several ranges or garbage: ignore the header
    first, last = match.groups()
    if not first and not last:
        return None
    if not first:  # the final N bytes
        length = int(last)
        if length == 0 or size == 0:
            return False
        return max(size - length, 0), size - 1
    start = int(first)
    end = min(int(last), size - 1) if last else size - 1
    if last and int(last) < start:
        return None  # invalid range: ignored
    if start >= size:
        return False
    return start, end


def serve_ranges(
    request, storage, name: str, *, content_type: str, etag: str, modified_at, head: bool = False
):
    size = storage.size(name)
    wanted = None
    header = request.headers.get("Range")
    if header and _if_range_holds(request, etag, modified_at):
        wanted = parse_range(header, size)
    if wanted is False:
        return error_response(
            416,
            "range_not_satisfiable",
            f"The file has {size} bytes; the requested range is outside it.",
            Content_Range=f"bytes */{size}",
            Accept_Ranges="bytes",
        )
    start, end = wanted or (0, size - 1)
    length = max(end - start + 1, 0)
    body = iter(()) if head or length == 0 else read_range(storage, name, start, length)
    response = StreamingHttpResponse(body, status=206 if wanted else 200, content_type=content_type)
    response["Content-Length"] = str(length)
    response["Accept-Ranges"] = "bytes"
    response["ETag"] = etag
    response["Last-Modified"] = http_date(modified_at.timestamp())
    response["Cache-Control"] = "public, max-age=3600"
    if wanted:
        response["Content-Range"] = f"bytes {start}-{end}/{size}"
    return response


def _if_range_holds(request, etag: str, modified_at) -> bool:
    """A Range is honoured only if the client's copy is still current (If-Range)."""
    condition = request.headers.get("If-Range")
    if not condition:
        return True
    if condition.startswith(('"', 'W/"')):
        return condition == etag  # strong comparison
    since = parse_http_date_safe(condition)
    return since is not None and int(modified_at.timestamp()) <= since
