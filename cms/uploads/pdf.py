"""PDF checks beyond the magic bytes: it must open, not be locked, and not run scripts."""

import io

from django.core.exceptions import ValidationError
from pypdf import PdfReader
from pypdf.errors import PdfReadError


def inspect_pdf(data, shown: str) -> int:
    """Page count of a PDF (bytes or a seekable file) that is safe to publish;
    ValidationError otherwise."""
    try:
        reader = PdfReader(io.BytesIO(data) if isinstance(data, bytes) else data, strict=False)
        if reader.is_encrypted:
            raise ValidationError(
                "“%(name)s” is password-protected; upload an unprotected PDF so everyone can "
                "open it.",
                code="pdf_encrypted",
                params={"name": shown},
            )
        pages = len(reader.pages)
        root = reader.trailer["/Root"]
        active = _has_active_content(root)
    except ValidationError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as error:
        raise ValidationError(
            "“%(name)s” is a damaged PDF that cannot be opened (%(error)s).",
            code="pdf_damaged",
            params={"name": shown, "error": str(error)[:120]},
        ) from error
    if pages == 0:
        raise ValidationError("“%(name)s” has no pages.", code="pdf_empty", params={"name": shown})
    if active:
        raise ValidationError(
            "“%(name)s” contains scripts or automatic actions; export it again without them.",
            code="pdf_active_content",
            params={"name": shown},
        )
    return pages


def _has_active_content(root) -> bool:
    names = root.get("/Names")
    if names is not None and "/JavaScript" in names.get_object():
        return True
    open_action = root.get("/OpenAction")
    if open_action is not None:
        action = open_action.get_object()
        if hasattr(action, "get") and action.get("/S") in ("/JavaScript", "/Launch"):
            return True
    return "/AA" in root
