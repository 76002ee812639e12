"""Files of deleted documents, images and renditions are removed from the storage on the
worker, and retried while the storage is down (an S3 outage): the row goes at once, the file
once the storage answers again.

Wagtail's own post_delete handlers enqueue a task that fails once and leaves the file behind
(and, with an inline task backend, turn the outage into a 500 of the delete view); ``apps``
swaps them for ``file_deleted`` here.
"""

import datetime
import logging

from django.conf import settings
from django.core.files.storage import default_storage, storages
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks import default_task_backend, task

from .storage import storage_errors

logger = logging.getLogger(__name__)
# Quick retries first, then hourly: about three days before giving up (then logged as an error).
RETRY_MINUTES = [1, 5, 15, 30] + [60] * 72


def storage_reference(storage) -> str | list:
    """How a task names ``storage``: its alias in settings.STORAGES, else Wagtail's
    deconstruction (only JSON-safe when the storage was built from plain options)."""
    if storage is default_storage:  # a lazy wrapper around storages["default"]
        return "default"
    for alias in settings.STORAGES:
        if storages[alias] is storage:
            return alias
    path, args, kwargs = storage.deconstruct()
    return [path, list(args), kwargs]


def _storage(reference):
    if isinstance(reference, str):
        return storages[reference]
    path, args, kwargs = reference
    return import_string(path)(*args, **kwargs)


@task()
def delete_stored_file(reference, name: str, attempt: int = 1) -> str:
    try:
        _storage(reference).delete(name)
    except storage_errors() as error:
        if attempt > len(RETRY_MINUTES) or not default_task_backend.supports_defer:
            logger.error("Stored file %s not deleted (attempt %d): %s", name, attempt, error)
            return "failed"
        run_after = timezone.now() + datetime.timedelta(minutes=RETRY_MINUTES[attempt - 1])
        delete_stored_file.using(run_after=run_after).enqueue(reference, name, attempt + 1)
        logger.warning("Stored file %s not deleted yet (attempt %d): %s", name, attempt, error)
        return f"retrying at {run_after.isoformat()}"
    return "deleted"


def file_deleted(instance, **kwargs) -> None:
    """post_delete of a document, image or rendition: remove its file once the delete commits."""
    if not instance.file.name:
        return
    reference, name = storage_reference(instance.file.storage), instance.file.name
    transaction.on_commit(lambda: delete_stored_file.enqueue(reference, name))
