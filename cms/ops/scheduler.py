"""The one scheduler of periodic work (settings.PROTECT_PERIODIC_JOBS), run by every task
worker's housekeeping (`manage.py run_worker`).

Each job runs once per period across all hosts: the first scheduler to insert the
(job, period start) row in ``ScheduledRun`` runs it, the others see the unique constraint fail.
Jobs are management commands, so this app knows no content app.
"""

import datetime
import io
import logging

from django.conf import settings
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.utils import timezone

from .models import ScheduledRun

logger = logging.getLogger(__name__)
KEEP_RUNS = datetime.timedelta(days=30)


def period_start(now: datetime.datetime, every_seconds: int) -> datetime.datetime:
    """The start of the period ``now`` falls in (periods are aligned on the Unix epoch)."""
    stamp = int(now.timestamp())
    return datetime.datetime.fromtimestamp(stamp - stamp % every_seconds, tz=datetime.UTC)


def claim(job: str, start: datetime.datetime, worker_id: str) -> ScheduledRun | None:
    try:
        with transaction.atomic():
            return ScheduledRun.objects.create(job=job, period_start=start, claimed_by=worker_id)
    except IntegrityError:
        return None  # another scheduler has this period


def tick(worker_id: str, now: datetime.datetime | None = None) -> list[str]:
    """Run every job whose current period nobody has claimed yet; returns the jobs run."""
    now = now or timezone.now()
    ran = []
    for name, job in settings.PROTECT_PERIODIC_JOBS.items():
        run = claim(name, period_start(now, job["every"]), worker_id)
        if run is None:
            continue
        output = io.StringIO()
        try:
            call_command(*job["command"], stdout=output, stderr=output)
            run.outcome = output.getvalue()[-2000:]
        except Exception as error:  # one failing job must not stop the others
            logger.exception("Periodic job %s failed", name)
            run.outcome = f"failed: {error!r}"[:2000]
        run.finished_at = timezone.now()
        run.save(update_fields=["outcome", "finished_at"])
        ran.append(name)
    if ran:
        ScheduledRun.objects.filter(period_start__lt=now - KEEP_RUNS).delete()
    return ran
