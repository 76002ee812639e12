"""Jobs of workers that went silent go back to the queue; live workers' jobs stay theirs."""

import datetime

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from cms.ops import heartbeat
from cms.ops.models import WorkerHeartbeat
from cms.webhooks.tasks import deliver

pytestmark = pytest.mark.django_db


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def running_job(worker_id: str, started_ago: datetime.timedelta) -> str:
    result = deliver.enqueue(1)
    DBTaskResult.objects.filter(pk=result.id).update(
        status="RUNNING", worker_ids=[worker_id], started_at=timezone.now() - started_ago
    )
    return result.id


def status(pk) -> str:
    return DBTaskResult.objects.get(pk=pk).status


def test_silent_workers_jobs_are_requeued_live_ones_kept(database_tasks, settings):
    now = timezone.now()
    stale = datetime.timedelta(seconds=settings.PROTECT_WORKER_STALE_SECONDS + 1)
    heartbeat.beat("live", now)
    heartbeat.beat("dead", now)
    WorkerHeartbeat.objects.filter(worker_id="dead").update(seen_at=now - stale)
    live_job = running_job("live", datetime.timedelta(minutes=5))
    dead_job = running_job("dead", datetime.timedelta(minutes=5))
    assert heartbeat.reclaim_abandoned() == 1
    assert status(live_job) == "RUNNING"
    assert status(dead_job) == "READY"
    assert DBTaskResult.objects.get(pk=dead_job).started_at is None
    assert list(WorkerHeartbeat.objects.values_list("worker_id", flat=True)) == ["live"]


def test_worker_without_heartbeat_gets_longer(database_tasks, settings):
    limit = datetime.timedelta(seconds=settings.PROTECT_TASK_ABANDONED_SECONDS)
    recent = running_job("plain-db-worker", limit / 2)
    ancient = running_job("plain-db-worker", limit * 2)
    assert heartbeat.reclaim_abandoned() == 1
    assert status(recent) == "RUNNING" and status(ancient) == "READY"
