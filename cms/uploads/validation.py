"""``validate_upload``: the one check every uploaded file goes through before it is stored."""

import hashlib
import io
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat

from cms.subtitles import decode, formats

from . import sniff
from .names import extension_of, hidden_extensions, sanitize_filename
from .pdf import inspect_pdf
from .policy import ALLOWED, LABELS, Purpose, max_bytes

CHUNK = 1024 * 1024


@dataclass(frozen=True)
class CheckedUpload:
    """What we know for sure about an accepted file."""

    name: str  # sanitised file name, safe to store
    content_type: str  # sniffed from the bytes, never the browser's claim
    size: int  # bytes
    sha256: str
    page_count: int | None = None  # PDFs only


def validate_upload(uploaded_file, purpose: Purpose | str) -> CheckedUpload:
    """Check ``uploaded_file`` for ``purpose`` and return the facts to store.

    Raises ``ValidationError`` (code in ``error.code``) saying what is wrong when the extension is
    not allowed for the purpose, a second extension hides in the name, the file is empty or too
    large, or its bytes are not what the extension says. On success the file object's ``name``
    and ``content_type`` are replaced by the sanitised name and the sniffed type, so that
    whatever stores it next (Django storages, S3's ContentType) uses the checked values; the file
    is rewound.
    """
    purpose = Purpose(purpose)
    allowed = ALLOWED[purpose]
    label = LABELS[purpose]
    original = getattr(uploaded_file, "name", "") or ""
    name = sanitize_filename(original)
    extension = extension_of(name)
    shown = original.rsplit("/", 1)[-1][:120]

    if extension not in allowed:
        raise ValidationError(
            "“%(name)s” cannot be uploaded as %(label)s: allowed file types are %(allowed)s.",
            code="extension",
            params={"name": shown, "label": label, "allowed": _list(allowed)},
        )
    hidden = hidden_extensions(name)
    if hidden:
        raise ValidationError(
            "“%(name)s” has more than one file extension (%(hidden)s before .%(ext)s). Rename "
            "the file so that it ends in a single extension.",
            code="double_extension",
            params={"name": shown, "hidden": ", ".join(f".{h}" for h in hidden), "ext": extension},
        )

    size = _size(uploaded_file)
    if size == 0:
        raise ValidationError("“%(name)s” is empty.", code="empty", params={"name": shown})
    limit = max_bytes(purpose)
    if size > limit:
        raise ValidationError(
            "“%(name)s” is %(size)s; %(label)s may be at most %(limit)s.",
            code="too_large",
            params={
                "name": shown,
                "size": filesizeformat(size),
                "label": label,
                "limit": filesizeformat(limit),
            },
        )

    # One pass in chunks: the digest and the head, never the whole file in memory (a 1 GB
    # video stays on disk, where Django's upload handler put it).
    sha256, head = _digest_and_head(uploaded_file)
    expected = allowed[extension]
    content_type, page_count = _check_content(uploaded_file, head, extension, expected, shown)

    uploaded_file.seek(0)
    uploaded_file.name = name
    uploaded_file.content_type = content_type
    return CheckedUpload(
        name=name,
        content_type=content_type,
        size=size,
        sha256=sha256,
        page_count=page_count,
    )


def _check_content(uploaded_file, head: bytes, extension: str, expected: str, shown: str):
    mismatch = ValidationError(
        "“%(name)s” is named .%(ext)s but its content is %(actual)s. Upload the real file.",
        code="content_mismatch",
        params={"name": shown, "ext": extension, "actual": sniff.describe(head)},
    )
    if expected.startswith(("text/", "application/x-subrip")):
        # Subtitles are read whole to be parsed anyway; their size limit keeps them small.
        text = decode.decode_any(_read_all(uploaded_file))
        if text is None or sniff.looks_like_markup(head):
            raise mismatch
        actual = formats.content_type(text)
        if actual != expected:
            raise ValidationError(
                "“%(name)s” is not a valid %(kind)s subtitle file: %(hint)s",
                code="content_mismatch",
                params={
                    "name": shown,
                    "kind": "WebVTT" if extension == "vtt" else "SubRip (SRT)",
                    "hint": (
                        "it must start with a “WEBVTT” line followed by timed cues."
                        if extension == "vtt"
                        else "no “00:00:01,000 --> 00:00:02,000” timing line was found."
                    ),
                },
            )
        return expected, None

    if sniff.binary_type(head) != expected:
        raise mismatch
    if expected == "application/pdf":
        uploaded_file.seek(0)
        return expected, inspect_pdf(uploaded_file, shown)  # pypdf seeks in the file
    return expected, None


def _size(uploaded_file) -> int:
    size = getattr(uploaded_file, "size", None)
    if size is None:
        uploaded_file.seek(0, io.SEEK_END)
        size = uploaded_file.tell()
    uploaded_file.seek(0)
    return size


def _digest_and_head(uploaded_file) -> tuple[str, bytes]:
    digest, head = hashlib.sha256(), b""
    uploaded_file.seek(0)
    for chunk in iter(lambda: uploaded_file.read(CHUNK), b""):
        digest.update(chunk)
        if len(head) < sniff.HEAD_BYTES:
            head += chunk[: sniff.HEAD_BYTES - len(head)]
    uploaded_file.seek(0)
    return digest.hexdigest(), head


def _read_all(uploaded_file) -> bytes:
    uploaded_file.seek(0)
    data = b"".join(iter(lambda: uploaded_file.read(CHUNK), b""))
    uploaded_file.seek(0)
    return data


def _list(allowed: dict) -> str:
    return ", ".join(f".{ext}" for ext in allowed)
