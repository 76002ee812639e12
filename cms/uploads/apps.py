from django.apps import AppConfig
from django.db.models.signals import post_delete
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from .deletion import file_deleted


class UploadsConfig(AppConfig):
    """Listed after wagtail.documents and wagtail.images, whose ready() connect the file
    clean-up that this one replaces (``deletion``: retried while the storage is down)."""

    name = "cms.uploads"
    label = "uploads"
    verbose_name = "Uploads"

    def ready(self):
        # Wagtail's handler modules import models: loadable only once the apps are.
        from wagtail.documents import signal_handlers as documents

        # (same reason as the line above)
        from wagtail.images import signal_handlers as images

        document, image = get_document_model(), get_image_model()
        rendition = image.get_rendition_model()
        post_delete.disconnect(documents.post_delete_file_cleanup, sender=document)
        post_delete.disconnect(images.post_delete_file_cleanup, sender=image)
        post_delete.disconnect(images.post_delete_file_cleanup, sender=rendition)
        for model in (document, image, rendition):
            post_delete.connect(file_deleted, sender=model, dispatch_uid=f"uploads-{model._meta}")
