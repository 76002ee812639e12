"""The task queue across processes: a worker killed mid-job (SIGKILL) leaves its job to another
worker, which completes it exactly once; TASKS_BACKEND=rq runs jobs through Redis."""

import os
import signal
import time

import pytest
import redis

from tests.support import databases, processes
from tests.support.processes import wait_for
from tests.support.tasks import journal

pytestmark = pytest.mark.django_db(transaction=False)
FAST_HEARTBEAT = {"WORKER_HEARTBEAT_SECONDS": "0.5", "WORKER_STALE_SECONDS": "3"}
RQ_REDIS = "redis://127.0.0.1:6379/13"  # a database number of its own, flushed by the test


@pytest.fixture
def database(tmp_path):
    url = databases.fresh_database(tmp_path)
    yield url
    databases.drop_database(url)


def enqueue(env, call: str) -> str:
    out = processes.run_script(
        env, f"from tests.support import tasks; print('ID', tasks.{call}.id)"
    )
    return out.split("ID ", 1)[1].split()[0]


def result_of(env, task_id: str) -> str:
    out = processes.run_script(
        env,
        "from tests.support import tasks;"
        f"r = tasks.slow_job.get_result('{task_id}');"
        "print('RESULT', r.status, len(r.worker_ids), r.return_value)",
    )
    return out.split("RESULT ", 1)[1].strip()


def test_job_of_a_killed_worker_completes_exactly_once(database, tmp_path):
    env = processes.django_env(database, **FAST_HEARTBEAT)
    path = str(tmp_path / "journal.txt")
    with (
        processes.start_process(
            env, "run_worker", "--no-startup-delay", "--interval", "0.2"
        ) as one,
        processes.start_process(
            env, "run_worker", "--no-startup-delay", "--interval", "0.2"
        ) as two,
    ):
        task_id = enqueue(env, f"slow_job.enqueue({path!r}, 120)")
        first = wait_for(lambda: journal(path), 60, "a worker to start the job")
        victim_pid = int(first[0].split()[1])
        victim, survivor = (one, two) if one.process.pid == victim_pid else (two, one)
        assert victim.process.pid == victim_pid
        os.kill(victim_pid, signal.SIGKILL)  # mid-job: the job is RUNNING, nothing is done
        victim.process.wait(10)

        lines = wait_for(
            lambda: [line for line in journal(path) if line.startswith("done")] and journal(path),
            60,
            "the job to be re-queued and completed",
        )
        assert lines == [
            f"start {victim_pid}",
            f"start {survivor.process.pid}",
            f"done {survivor.process.pid}",
        ], survivor.output()
        assert result_of(env, task_id) == "SUCCESSFUL 2 done"
        time.sleep(2)  # no late second completion
        assert [line for line in journal(path) if line.startswith("done")] == [
            f"done {survivor.process.pid}"
        ]


def test_rq_backend_runs_jobs_through_redis(database, tmp_path):
    connection = redis.Redis.from_url(RQ_REDIS)
    connection.flushdb()
    env = processes.django_env(database, TASKS_BACKEND="rq", RQ_REDIS_URL=RQ_REDIS)
    path = str(tmp_path / "journal.txt")
    task_id = enqueue(env, f"quick_job.enqueue({path!r}, 'hello')")
    # Queued in Redis, not the database, while no worker runs.
    assert connection.exists(f"rq:job:{task_id}")
    assert journal(path) == []
    with processes.start_process(env, "run_worker") as worker:
        lines = wait_for(lambda: journal(path), 60, "the RQ worker to run the job")
        assert lines[0].startswith("hello "), worker.output()
        out = processes.run_script(
            env,
            "from tests.support import tasks;"
            f"r = tasks.quick_job.get_result('{task_id}'); print('RESULT', r.status, r.return_value)",
        )
        assert out.split("RESULT ", 1)[1].strip() == "SUCCESSFUL hello"
        # The worker beats like the database backend's (healthz sees it).
        beats = processes.run_script(
            env,
            "from cms.ops.models import WorkerHeartbeat; print('N', WorkerHeartbeat.objects.count())",
        )
        assert beats.split("N ", 1)[1].strip() == "1"
    connection.flushdb()
