"""Start background work from a request: one QueueJob per distinct request, run on the worker."""

import hashlib
import json

from django.db import transaction
from django.utils import timezone

from .models import QueueJob


def start(kind: str, task_ids, user, options=None) -> tuple[QueueJob, bool]:
    """Enqueue ``kind`` for ``task_ids``; an identical open job is returned instead of a new one."""
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
        job = QueueJob.objects.create(
            kind=kind,
            fingerprint=fingerprint,
            created_by=user,
            task_ids=task_ids,
            total=len(task_ids),
            message=json.dumps(options or {}) if options else "",
        )
    transaction.on_commit(lambda: run_job.enqueue(job.pk))
    return job, True


def finish(job: QueueJob, errors: list[str]) -> None:
    job.status = QueueJob.Status.FAILED if errors else QueueJob.Status.DONE
    job.message = "\n".join(errors) if errors else f"{job.done} of {job.total} done."
    job.finished_at = timezone.now()
    job.save(update_fields=["status", "message", "finished_at"])
