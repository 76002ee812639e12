"""The task worker to run everywhere (make run, make serve, deploy/): the configured backend's
worker plus heartbeat, reclaim of abandoned jobs and the periodic-job scheduler."""

import os
import socket

from django.core.management import call_command
from django.utils.crypto import get_random_string
from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, task_backends
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand

from cms.ops import heartbeat, housekeeping


def new_worker_id() -> str:
    return f"{socket.gethostname()[:40]}-{os.getpid()}-{get_random_string(8)}"[:64]


class Command(DbWorkerCommand):
    help = (
        "Run the background task worker (database backend, or RQ when TASKS_BACKEND=rq) with "
        "its heartbeat, the reclaim of jobs of dead workers and the scheduler of periodic jobs."
    )

    def add_arguments(self, parser):
        super().add_arguments(parser)
        # The reloader would run the housekeeping in two processes under one id.
        # backend_name: db_worker's own default is checked to be a database backend when
        # parsed, which would refuse TASKS_BACKEND=rq before handle() could pick RQ.
        parser.set_defaults(reload=False, worker_id=new_worker_id(), backend_name=None)
        parser.add_argument(
            "--no-scheduler",
            action="store_false",
            dest="schedule",
            help="Do not run periodic jobs in this worker (another worker does).",
        )

    def handle(self, *args, schedule: bool, **options):
        worker_id = options["worker_id"]
        stop = housekeeping.start(worker_id, schedule=schedule)
        try:
            options["backend_name"] = options["backend_name"] or DEFAULT_TASK_BACKEND_ALIAS
            if isinstance(task_backends[options["backend_name"]], DatabaseBackend):
                super().handle(*args, **options)
            else:
                queues = [q for q in options["queue_name"].split(",") if q != "*"] or ["default"]
                call_command(
                    "rqworker",
                    *queues,
                    job_class="django_tasks_rq.Job",
                    name=worker_id,
                    with_scheduler=True,
                )
        finally:
            stop.set()
            heartbeat.forget(worker_id)
