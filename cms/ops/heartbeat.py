"""Worker heartbeats, and putting back the jobs of workers that died mid-job.

django-tasks-db marks a job RUNNING when a worker claims it and never looks at it again: a
worker killed by the OOM killer, a deploy or a lost host leaves the job RUNNING for ever. Every
worker beats here; any worker's housekeeping hands the jobs of a silent worker back to the queue
(READY), where another worker picks them up. Tasks must therefore be safe to run again (they
commit their effects in one transaction, or check what is already done).
"""

import datetime
import logging
import os
import socket

from django.conf import settings
from django.db.models import Max
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from .models import WorkerHeartbeat

logger = logging.getLogger(__name__)


def stale_after() -> datetime.timedelta:
    return datetime.timedelta(seconds=settings.PROTECT_WORKER_STALE_SECONDS)


def beat(worker_id: str, started_at: datetime.datetime) -> None:
    WorkerHeartbeat.objects.update_or_create(
        worker_id=worker_id,
        defaults={
            "hostname": socket.gethostname()[:255],
            "pid": os.getpid(),
            "started_at": started_at,
            "seen_at": timezone.now(),
        },
    )


def forget(worker_id: str) -> None:
    """A worker that stops cleanly says so (its jobs are finished or failed by then)."""
    WorkerHeartbeat.objects.filter(worker_id=worker_id).delete()


def last_beat() -> datetime.datetime | None:
    return WorkerHeartbeat.objects.aggregate(last=Max("seen_at"))["last"]


def reclaim_abandoned(now: datetime.datetime | None = None) -> int:
    """Put RUNNING jobs of silent workers back in the queue; returns how many."""
    now = now or timezone.now()
    live = set(
        WorkerHeartbeat.objects.filter(seen_at__gte=now - stale_after()).values_list(
            "worker_id", flat=True
        )
    )
    known = set(WorkerHeartbeat.objects.values_list("worker_id", flat=True))
    # A worker that never beat (plain `db_worker`) gets the benefit of the doubt for longer.
    unknown_limit = now - datetime.timedelta(seconds=settings.PROTECT_TASK_ABANDONED_SECONDS)
    reclaimed = 0
    for pk, worker_ids, started_at in DBTaskResult.objects.running().values_list(
        "pk", "worker_ids", "started_at"
    ):
        owner = worker_ids[-1] if worker_ids else ""
        if owner in live:
            continue
        if owner not in known and started_at and started_at > unknown_limit:
            continue
        # Conditional update: if the owner finished it meanwhile, nothing changes.
        reclaimed += DBTaskResult.objects.filter(
            pk=pk, status=TaskResultStatus.RUNNING, started_at=started_at
        ).update(status=TaskResultStatus.READY, started_at=None)
        logger.warning("Job %s of silent worker %s put back in the queue", pk, owner)
    WorkerHeartbeat.objects.filter(seen_at__lt=now - stale_after()).delete()
    return reclaimed
