"""Start background work from a request: one QueueJob per distinct request, run on the worker."""

import hashlib
import json
import secrets

from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.db import transaction
from django.utils import timezone
from django.utils.text import get_valid_filename

from .models import QueueJob


def private_path(name: str) -> str:
    """A storage path nobody can guess; the files are only served by the job views."""
    return f"private/translation-jobs/{secrets.token_hex(16)}/{get_valid_filename(name)}"


def start(kind: str, task_ids, user, options=None, upload=None) -> tuple[QueueJob, bool]:
    """Enqueue ``kind`` for ``task_ids``; an identical open job is returned instead of a new one.

    ``upload`` is ``(name, bytes)`` for work that reads a file: it is stored (once, only for a new
    job) before the job is enqueued so the worker can read it.
    """
    from .tasks import run_job

    task_ids = sorted(set(int(pk) for pk in task_ids))
    payload = json.dumps([kind, task_ids, options or {}], sort_keys=True)
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
            upload_path = storages["private"].save(private_path(upload[0]), ContentFile(upload[1]))
        job = QueueJob.objects.create(
            kind=kind,
            fingerprint=fingerprint,
            created_by=user,
            task_ids=task_ids,
            total=len(task_ids),
            message=json.dumps(options or {}) if options else "",
            upload_path=upload_path,
        )
    transaction.on_commit(lambda: run_job.enqueue(job.pk))
    return job, True


def finish(job: QueueJob, errors: list[str], summary: str = "") -> None:
    job.status = QueueJob.Status.FAILED if errors else QueueJob.Status.DONE
    job.message = "\n".join(errors) if errors else summary or f"{job.done} of {job.total} done."
    job.finished_at = timezone.now()
    job.save(
        update_fields=["status", "message", "finished_at", "result_path", "report", "upload_path"]
    )
