"""What a file really is, from its bytes (never from its name or the browser's word)."""

import re

import filetype

HEAD_BYTES = 8192

_MARKUP = re.compile(
    rb"<\s*(!doctype\s+html|html|head|body|script|iframe|svg|object|embed)\b", re.I
)
_SVG = re.compile(rb"<\s*svg\b", re.I)
_SCRIPT = re.compile(rb"<\s*script\b|\bon[a-z]+\s*=|javascript:", re.I)


def binary_type(head: bytes) -> str | None:
    """The MIME type the magic bytes announce, or None for text and unknown formats."""
    if head.lstrip(b"\xef\xbb\xbf\r\n\t ").startswith(b"%PDF-"):
        return "application/pdf"
    return filetype.guess_mime(head)


def describe(head: bytes) -> str:
    """A short human description of what ``head`` looks like, for error messages."""
    if _SVG.search(head):
        return "an SVG image with a script" if _SCRIPT.search(head) else "an SVG image"
    if _MARKUP.search(head):
        return "an HTML document"
    kind = binary_type(head)
    if kind:
        return f"a {kind} file"
    if b"\x00" in head:
        return "a binary file of unknown type"
    return "plain text"


def looks_like_markup(head: bytes) -> bool:
    return bool(_MARKUP.search(head))
