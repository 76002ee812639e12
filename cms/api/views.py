"""The reference partner page at /partner-demo/: one static file, served as is."""

from functools import cache
from pathlib import Path

from django.http import HttpResponse
from django.views.decorators.http import require_safe

PAGE = Path(__file__).with_name("partner_demo") / "index.html"


@cache
def _page() -> bytes:
    return PAGE.read_bytes()


@require_safe
def partner_demo(request):
    response = HttpResponse(_page(), content_type="text/html; charset=utf-8")
    response["Cache-Control"] = "public, max-age=300"
    return response
