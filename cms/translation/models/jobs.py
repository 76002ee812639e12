import secrets

from django.conf import settings
from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.text import get_valid_filename


class JobKind(models.TextChoices):
    """What a queue job does; ``background.HANDLERS`` maps each kind to the function the worker
    runs for it."""

    MACHINE_TRANSLATE = "machine_translate", "Machine translation"
    PUBLISH = "publish", "Publish"
    EXPORT_XLIFF = "export_xliff", "Export XLIFF 2 + PO"
    IMPORT_XLIFF = "import_xliff", "Import XLIFF/PO"
    IMPORT_TMX = "import_tmx", "Import TMX into the translation memory"


# Exchange jobs: what the user sees and downloads is only theirs (see views/exchange.py).
EXCHANGE_KINDS = (JobKind.EXPORT_XLIFF, JobKind.IMPORT_XLIFF)


def private_file_path(name: str) -> str:
    """A private-storage path nobody can guess; the files are only served by the job views."""
    return f"private/translation-jobs/{secrets.token_hex(16)}/{get_valid_filename(name)}"


class QueueJob(models.Model):
    """Background work started from the queue, so the admin can show its progress.

    ``fingerprint`` identifies the request (kind + tasks + options): repeating a request while
    its job is still open returns the open job instead of starting another.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        RUNNING = "running", "Running"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"

    kind = models.CharField(max_length=40, choices=JobKind.choices)
    fingerprint = models.CharField(max_length=64, db_index=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    task_ids = models.JSONField(default=list)
    # What the request asked for beyond the tasks (e.g. the import's file name), for the worker.
    options = models.JSONField(default=dict, blank=True)
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    message = models.TextField(blank=True, help_text="The outcome, for people.")
    # Exchange jobs: the uploaded file and the export zip live in private storage under an
    # unguessable path and are served only through the permission-checked job views.
    upload_path = models.CharField(max_length=255, blank=True)
    result_path = models.CharField(max_length=255, blank=True)
    report = models.JSONField(default=list, blank=True)  # import: per-file, per-unit outcomes
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.kind} ({self.done}/{self.total}, {self.get_status_display()})"

    @property
    def label(self) -> str:
        return self.get_kind_display()

    @property
    def is_open(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.RUNNING)

    @property
    def is_exchange(self) -> bool:
        return self.kind in EXCHANGE_KINDS

    @property
    def is_export(self) -> bool:
        return self.kind == JobKind.EXPORT_XLIFF

    def start_running(self) -> None:
        self.status = self.Status.RUNNING
        self.save(update_fields=["status"])

    def advance(self, total: int | None = None) -> None:
        """One more unit of work done (and the total, when it is only known now)."""
        if total is not None and total != self.total:
            self.total = total
            QueueJob.objects.filter(pk=self.pk).update(total=total)
        QueueJob.objects.filter(pk=self.pk).update(done=F("done") + 1)
        self.done += 1

    def finish(self, errors: list[str], summary: str = "") -> None:
        self.status = self.Status.FAILED if errors else self.Status.DONE
        self.message = (
            "\n".join(errors) if errors else summary or f"{self.done} of {self.total} done."
        )
        self.finished_at = timezone.now()
        self.save(
            update_fields=[
                "status",
                "message",
                "finished_at",
                "result_path",
                "report",
                "upload_path",
            ]
        )
