"""Writing checked files to the media storage, with outages turned into a clear form error."""

import logging
from collections.abc import Iterator

from botocore.exceptions import BotoCoreError, ClientError
from django.core.exceptions import ValidationError
from storages.backends.s3 import S3Storage
from storages.utils import clean_name

logger = logging.getLogger(__name__)
CHUNK = 64 * 1024

NOT_SAVED = (
    "The file was not saved: the file storage cannot be reached right now. Nothing was "
    "changed; please try again in a moment."
)


class StorageUnavailable(ValidationError):
    """The storage could not take or give the file (network, S3 outage, full disk)."""

    def __init__(self, message: str = NOT_SAVED):
        super().__init__(message, code="storage_unavailable")


def storage_errors() -> tuple[type[BaseException], ...]:
    """Exceptions that mean the storage (not the file) failed."""
    # botocore comes with django-storages[s3], a runtime dependency, whatever the storage.
    return (OSError, BotoCoreError, ClientError)


def store_file(field_file, name: str, content) -> str:
    """Save ``content`` through a model's FileField (its storage and ``upload_to``).

    Returns the stored name (never overwriting another file: storages pick a free name).
    Raises ``StorageUnavailable`` when the storage fails, so no record points at a missing file.
    """
    path = field_file.field.generate_filename(field_file.instance, name)
    try:
        content.seek(0)
        return field_file.storage.save(path, content, max_length=field_file.field.max_length)
    except storage_errors() as error:
        logger.warning("Upload of %s failed: storage unavailable (%s)", path, error)
        raise StorageUnavailable() from error


def read_file(field_file) -> bytes:
    """All bytes of a stored file; ``StorageUnavailable`` when the storage fails."""
    try:
        with field_file.storage.open(field_file.name, "rb") as handle:
            return handle.read()
    except FileNotFoundError as error:
        raise ValidationError(
            "The file “%(name)s” is missing from the storage; upload it again.",
            code="missing_file",
            params={"name": field_file.name},
        ) from error
    except storage_errors() as error:
        logger.warning("Reading %s failed: storage unavailable (%s)", field_file.name, error)
        raise StorageUnavailable(
            "The file could not be read: the file storage cannot be reached right now. Nothing "
            "was saved; please try again in a moment."
        ) from error


def delete_quietly(storage, name: str) -> None:
    """Remove a file written for a record that was then not saved."""
    try:
        storage.delete(name)
    except storage_errors():
        logger.warning("Could not remove orphaned upload %s", name)


def read_range(storage, name: str, start: int, length: int) -> Iterator[bytes]:
    """Bytes ``start`` to ``start + length - 1`` of a stored file, in chunks.

    On S3 this is one ranged GET of exactly those bytes: django-storages' ``S3File`` would
    download the whole object first (a 1 GB video for every seek of a player).
    """
    if length <= 0:
        return
    if isinstance(storage, S3Storage):
        key = storage._normalize_name(clean_name(name))
        body = storage.bucket.Object(key).get(Range=f"bytes={start}-{start + length - 1}")["Body"]
        try:
            yield from body.iter_chunks(CHUNK)
        finally:
            body.close()
        return
    with storage.open(name, "rb") as handle:
        handle.seek(start)
        remaining = length
        while remaining > 0:
            chunk = handle.read(min(CHUNK, remaining))
            if not chunk:
                break
            remaining -= len(chunk)
            yield chunk
