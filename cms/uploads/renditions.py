"""Image renditions that degrade instead of failing the page or API answer around them.

A rendition is made on first use and written to the media storage. When it cannot be made or
written (storage down or full, original missing or unreadable), the caller gets ``None`` and
shows no rendition: a video listing without a poster is better than a 500 for every partner.
Database errors are not caught, so an outage still answers 503 (cms/api/errors.py).
"""

import contextvars
import logging
from collections.abc import Iterator
from contextlib import contextmanager

from PIL import UnidentifiedImageError

from .storage import storage_errors

logger = logging.getLogger(__name__)
_missing: contextvars.ContextVar[list | None] = contextvars.ContextVar("missing", default=None)


@contextmanager
def track_missing() -> Iterator[list[str]]:
    """Collect the specs of renditions that could not be made inside the block, so that a
    response cache can refuse to keep a degraded answer (the next request tries again)."""
    found: list[str] = []
    token = _missing.set(found)
    try:
        yield found
    finally:
        _missing.reset(token)


def _degraded(spec: str, image, error) -> None:
    logger.warning("Rendition %s of image %s unavailable: %r", spec, image.pk, error)
    if (found := _missing.get()) is not None:
        found.append(spec)


def _failures() -> tuple[type[BaseException], ...]:
    # OSError covers a missing original and a full disk; Willow raises ValueError and PIL
    # UnidentifiedImageError on files that are not (or no longer) images.
    return (*storage_errors(), ValueError, UnidentifiedImageError)


def rendition_or_none(image, spec: str):
    """``image.get_rendition(spec)``, or ``None`` (logged) when it cannot be made."""
    try:
        return image.get_rendition(spec)
    except _failures() as error:
        _degraded(spec, image, error)
        return None


def renditions_or_none(image, *specs: str) -> dict | None:
    """``image.get_renditions(*specs)`` (spec → rendition), or ``None`` when any fails."""
    try:
        return image.get_renditions(*specs)
    except _failures() as error:
        _degraded(", ".join(specs), image, error)
        return None
