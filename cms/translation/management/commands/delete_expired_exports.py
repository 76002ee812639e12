from datetime import timedelta

from django.conf import settings
from django.core.files.storage import storages
from django.core.management.base import BaseCommand
from django.utils import timezone
from tqdm import tqdm

from cms.translation.models import EXCHANGE_KINDS, QueueJob


class Command(BaseCommand):
    help = (
        "Delete export zips and uploaded import files of finished exchange jobs older than "
        "PROTECT_EXPORT_RETENTION_HOURS (they hold unpublished text). Run by the scheduler."
    )

    def handle(self, *args, **options):
        cutoff = timezone.now() - timedelta(hours=settings.PROTECT_EXPORT_RETENTION_HOURS)
        jobs = list(
            QueueJob.objects.filter(kind__in=EXCHANGE_KINDS, finished_at__lt=cutoff)
            .exclude(result_path="", upload_path="")
            .only("pk", "result_path", "upload_path")
        )
        storage = storages["private"]
        deleted = 0
        for job in tqdm(jobs, desc="expired exports", unit="job", disable=not jobs):
            for name in (job.result_path, job.upload_path):
                if name:
                    storage.delete(name)  # missing files are fine: deleting is idempotent
                    deleted += 1
            QueueJob.objects.filter(pk=job.pk).update(result_path="", upload_path="")
        self.stdout.write(f"Deleted {deleted} expired files of {len(jobs)} jobs.")
