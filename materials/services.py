"""Write-side operations of the material library, used by the admin, commands and the demo."""

import hashlib
import logging

from django.db import transaction
from wagtail.documents import get_document_model
from wagtail.models import Collection

from cms.uploads import Purpose, store_file, validate_upload
from cms.uploads.storage import delete_quietly
from materials.models import Material, MaterialFile

logger = logging.getLogger(__name__)


def upload_document(upload, *, title: str, collection: Collection | None = None, user=None):
    """Check ``upload`` as a material PDF and store it as a Wagtail document.

    The file is written first; only when that succeeded is the record created (in a
    transaction), so an unreachable storage raises ``StorageUnavailable`` and leaves nothing
    behind. Returns ``(document, checked)``.
    """
    checked = validate_upload(upload, Purpose.MATERIAL)
    Document = get_document_model()
    document = Document(
        title=title,
        collection=collection or Collection.get_first_root_node(),
        uploaded_by_user=user,
    )
    stored_name = store_file(document.file, checked.name, upload)
    try:
        with transaction.atomic():
            document.file.name = stored_name
            document.file_size = checked.size
            upload.seek(0)
            document.file_hash = hashlib.sha1(upload.read()).hexdigest()
            document.save()
    except Exception:
        delete_quietly(document.file.storage, stored_name)
        raise
    return document, checked


def new_material_file(upload, *, material: Material, language: str, file_format: str, **kwargs):
    """An unsaved MaterialFile for ``material`` whose document was uploaded and checked."""
    document, checked = upload_document(
        upload, title=f"{material.title} [{language}, {file_format}]", **kwargs
    )
    material_file = MaterialFile(language=language, format=file_format, document=document)
    material_file.apply_facts(checked)
    return material_file
