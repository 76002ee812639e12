"""Facts about a material's file, computed from the stored bytes (never typed by an editor)."""

from django.core.files.base import ContentFile

from cms.uploads import CheckedUpload, Purpose, read_file, validate_upload


def inspect_document(document) -> CheckedUpload:
    """Size, page count, SHA-256 and MIME type of a Wagtail document that must be a safe PDF.

    Raises ValidationError when it is not (or StorageUnavailable when it cannot be read).
    """
    data = read_file(document.file)
    return validate_upload(ContentFile(data, name=document.filename), Purpose.MATERIAL)
