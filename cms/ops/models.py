from django.db import models


class WorkerHeartbeat(models.Model):
    """A task worker says it is alive (every PROTECT_WORKER_HEARTBEAT_SECONDS).

    In the database, not the cache, so every host sees every worker whatever the cache is; the
    health check and the reclaim of abandoned jobs read it.
    """

    worker_id = models.CharField(max_length=64, primary_key=True)
    hostname = models.CharField(max_length=255)
    pid = models.PositiveIntegerField()
    started_at = models.DateTimeField()
    seen_at = models.DateTimeField(db_index=True)

    def __str__(self):
        return f"{self.worker_id} on {self.hostname} (pid {self.pid})"


class ScheduledRun(models.Model):
    """One run of a periodic job in one period. The unique pair is the claim: with several
    schedulers (one per worker host) exactly one inserts the row and runs the job."""

    job = models.CharField(max_length=64)
    period_start = models.DateTimeField()
    claimed_by = models.CharField(max_length=64)
    started_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    outcome = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["job", "period_start"], name="ops_one_run_per_period")
        ]
        ordering = ["-period_start"]

    def __str__(self):
        return f"{self.job} @ {self.period_start:%Y-%m-%d %H:%M}"
