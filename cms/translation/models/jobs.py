from django.conf import settings
from django.db import models


class QueueJob(models.Model):
    """Background work started from the queue, so the admin can show its progress.

    ``fingerprint`` identifies the request (action + tasks + options): repeating a request while
    its job is still open returns the open job instead of starting another.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        RUNNING = "running", "Running"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"

    LABELS = {
        "machine_translate": "Machine translation",
        "publish": "Publish",
        "export_xliff": "Export XLIFF 2 + PO",
        "import_xliff": "Import XLIFF/PO",
    }

    kind = models.CharField(max_length=40)
    fingerprint = models.CharField(max_length=64, db_index=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    task_ids = models.JSONField(default=list)
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    message = models.TextField(blank=True)
    # Exchange jobs: the uploaded file and the export zip live in default storage under an
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
        return self.LABELS.get(self.kind, self.kind.replace("_", " ").capitalize())

    @property
    def is_open(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.RUNNING)
