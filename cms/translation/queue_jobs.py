"""Starting queue jobs from a request: one QueueJob per distinct request, run on the worker by
``background.run_queue_job`` (which looks up the job's handler in ``background.HANDLERS``)."""

import hashlib
import json

from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.db import transaction

from .background import run_queue_job
from .exchange.importer import check
from .models import JobKind, QueueJob, private_file_path


def start(kind: JobKind, task_ids, user, options=None, upload=None) -> tuple[QueueJob, bool]:
    """Enqueue ``kind`` for ``task_ids``; an identical open job is returned instead of a new one.

    ``upload`` is ``(name, bytes)`` for work that reads a file: it is stored (once, only for a new
    job) before the job is enqueued so the worker can read it.
    """
    kind = JobKind(kind)
    task_ids = sorted(set(int(pk) for pk in task_ids))
    options = options or {}
    payload = json.dumps([kind, task_ids, options], sort_keys=True)
    fingerprint = hashlib.sha256(payload.encode()).hexdigest()
    with transaction.atomic():
        open_job = (
            QueueJob.objects.select_for_update()
            .filter(
                fingerprint=fingerprint,
                status__in=[QueueJob.Status.QUEUED, QueueJob.Status.RUNNING],
            )
            .first()
        )
        if open_job:
            return open_job, False
        upload_path = ""
        if upload is not None:
            upload_path = storages["private"].save(
                private_file_path(upload[0]), ContentFile(upload[1])
            )
        job = QueueJob.objects.create(
            kind=kind,
            fingerprint=fingerprint,
            created_by=user,
            task_ids=task_ids,
            total=len(task_ids),
            options=options,
            upload_path=upload_path,
        )
    transaction.on_commit(lambda: run_queue_job.enqueue(job.pk))
    return job, True


def start_export(tasks, user) -> tuple[QueueJob, bool]:
    # The zip belongs to whoever asked, so identical requests are only merged per user.
    return start(JobKind.EXPORT_XLIFF, [task.pk for task in tasks], user, {"for": user.pk})


def start_import(name: str, data: bytes, user) -> tuple[QueueJob, bool]:
    """Refuse an unusable upload now (raises ExchangeError), else store it and enqueue it."""
    parsed = check(name, data, user)
    options = {"for": user.pk, "name": name, "sha256": hashlib.sha256(data).hexdigest()}
    task_ids = [task.pk for _, task, _ in parsed]
    return start(JobKind.IMPORT_XLIFF, task_ids, user, options, upload=(name, data))
