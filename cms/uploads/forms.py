"""Wagtail image and document forms that check uploads and survive storage outages.

Enabled by ``WAGTAILIMAGES_IMAGE_FORM_BASE`` and ``WAGTAILDOCS_DOCUMENT_FORM_BASE``. They cover
every Wagtail upload path (single and multiple upload, chooser modals), since all of them build
their forms from these bases.

The file is written to storage while the form is validated, not when the view saves it: an
unreachable storage then becomes an ordinary form error, the editor's input is kept, and no
database record is created.
"""

from django.core.files.uploadedfile import UploadedFile
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

from .names import extension_of
from .policy import Purpose
from .storage import StorageUnavailable, store_file
from .validation import validate_upload


class SafeUploadMixin:
    upload_purpose: Purpose

    def purpose_for(self, upload: UploadedFile) -> Purpose:
        return self.upload_purpose

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if isinstance(upload, UploadedFile):
            validate_upload(upload, self.purpose_for(upload))
        return upload

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("file")
        if isinstance(upload, UploadedFile) and not self.errors:
            try:
                cleaned["file"] = store_file(self.instance.file, upload.name, upload)
            except StorageUnavailable as error:
                self.add_error("file", error)
        return cleaned


class SafeImageForm(SafeUploadMixin, BaseImageForm):
    upload_purpose = Purpose.IMAGE


class SafeDocumentForm(SafeUploadMixin, BaseDocumentForm):
    """Documents are material PDFs or subtitle files; each is checked as what it claims to be."""

    upload_purpose = Purpose.DOCUMENT

    def purpose_for(self, upload: UploadedFile) -> Purpose:
        extension = extension_of(upload.name or "")
        if extension in ("vtt", "srt"):
            return Purpose.SUBTITLE
        if extension == "pdf":
            return Purpose.MATERIAL
        return Purpose.DOCUMENT
