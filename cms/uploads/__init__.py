"""Upload safety: the one home of what may be uploaded, for every purpose.

API::

    from cms.uploads import Purpose, validate_upload

    checked = validate_upload(request.FILES["file"], Purpose.MATERIAL)
    checked.name, checked.content_type, checked.size, checked.sha256, checked.page_count

Purposes: ``material`` (PDF), ``subtitle`` (VTT, SRT), ``image`` (JPEG, PNG, GIF, WebP; never
SVG), ``video`` (MP4, WebM), ``document`` (anything Wagtail's document library takes: material or
subtitle). Every check raises ``django.core.exceptions.ValidationError`` with a message that says
what is wrong with which file. Size limits: ``settings.PROTECT_UPLOAD_MAX_BYTES``, overridden per
purpose by ``PROTECT_UPLOAD_MAX_BYTES_BY_PURPOSE``.

``store_file`` writes a checked file through a model's FileField and turns storage failures into
``StorageUnavailable`` (a ValidationError: "not saved, try again"). Wagtail's image and document
forms use both through ``cms.uploads.forms``. ``read_range`` streams part of a stored file (one
ranged GET on S3), for video seeking. ``rendition_or_none`` makes an image rendition or gives ``None`` when the
storage cannot write it (no poster rather than a 500). Files of deleted documents, images and
renditions are removed by the worker and retried while the storage is down (``deletion``).
"""

from .names import sanitize_filename
from .policy import Purpose, allowed_extensions, max_bytes
from .renditions import rendition_or_none, renditions_or_none
from .storage import StorageUnavailable, read_file, read_range, store_file
from .validation import CheckedUpload, validate_upload

__all__ = [
    "CheckedUpload",
    "Purpose",
    "StorageUnavailable",
    "allowed_extensions",
    "max_bytes",
    "read_file",
    "read_range",
    "rendition_or_none",
    "renditions_or_none",
    "sanitize_filename",
    "store_file",
    "validate_upload",
]
