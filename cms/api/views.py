"""The reference partner page at /partner-demo/: one self-contained HTML file.

Its labels come from the UI catalogs (``locale/``): the page carries them for all 23 languages
as JSON, so a partner who saves the file keeps every language and the picker switches labels
without another request. Built once per process (the catalogs do not change while it runs).
"""

import base64
import hashlib
import json
import re
from functools import cache

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from cms import languages

LABELS = {
    "title": _("Information"),
    "language": _("Language"),
    "video": _("Video"),
    "materials": _("Materials"),
    "country": _("Country"),
    "audience": _("Audience"),
    "all": _("All"),
    "adults": _("Adults"),
    "children": _("Children"),
    "professionals": _("Professionals"),
    "services": _("Support services"),
    "choose_country": _("Choose a country to see its support services."),
    "transcript": _("Transcript"),
    "no_video": _("No video yet."),
    "no_materials": _("No materials match."),
    "no_services": _("No services listed yet."),
    "loading": _("Loading…"),
    "fallback": _("Not yet translated: shown in another language."),
    "quick_exit": _("Quick exit"),
    "quick_exit_hint": _("Press Esc twice to leave quickly."),
}


def labels_for(code: str) -> dict:
    with translation.override(code):
        return {key: str(text) for key, text in LABELS.items()}


@cache
def _page() -> bytes:
    catalog = {lang.code: labels_for(lang.code) for lang in languages.all_languages()}
    context = {
        "labels": labels_for(languages.default().code),
        # </script> cannot occur: the JSON's "<" are escaped.
        "catalog_json": json.dumps(catalog, ensure_ascii=False).replace("<", "\\u003c"),
    }
    return render_to_string("partner_api/partner_demo.html", context).encode()


@cache
def _policy() -> str:
    """The page is built once and may be saved by partners, so its inline script cannot carry a
    per-response nonce: the policy names the script's hash instead."""
    script = re.search(rb"<script>(.*?)</script>", _page(), re.S).group(1)
    digest = base64.b64encode(hashlib.sha256(script).digest()).decode()
    return (
        f"default-src 'self'; script-src 'self' 'sha256-{digest}'; style-src 'self' "
        "'unsafe-inline'; img-src 'self' data: https:; media-src 'self' blob: https:; "
        "connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'self'"
    )


@require_safe
def partner_demo(request):
    response = HttpResponse(_page(), content_type="text/html; charset=utf-8")
    response["Content-Security-Policy"] = _policy()
    response["Cache-Control"] = "public, max-age=300"
    return response
