"""What a task worker does beside running tasks: beat and reclaim in one thread, run the
scheduler in another (a long periodic job must not silence the heartbeat)."""

import logging
import threading

from django.conf import settings
from django.db import close_old_connections, connection
from django.utils import timezone

from . import heartbeat, scheduler

logger = logging.getLogger(__name__)


def _every(seconds: float, stop: threading.Event, name: str, work) -> None:
    def loop():
        while not stop.wait(seconds):
            try:
                close_old_connections()
                work()
            except Exception:  # a database blip must not kill the thread
                logger.exception("Worker %s failed; retrying next round", name)
            finally:
                connection.close()

    threading.Thread(target=loop, name=f"protect-{name}", daemon=True).start()


def start(worker_id: str, *, schedule: bool = True) -> threading.Event:
    """Start the housekeeping threads; set the returned event to stop them."""
    stop = threading.Event()
    started_at = timezone.now()
    heartbeat.beat(worker_id, started_at)  # visible before the first job is claimed

    def beat_and_reclaim():
        heartbeat.beat(worker_id, started_at)
        heartbeat.reclaim_abandoned()

    _every(settings.PROTECT_WORKER_HEARTBEAT_SECONDS, stop, "heartbeat", beat_and_reclaim)
    if schedule:
        _every(
            settings.PROTECT_SCHEDULER_SECONDS, stop, "scheduler", lambda: scheduler.tick(worker_id)
        )
    return stop
