from django.core.management.base import BaseCommand
from django.utils import timezone
from tqdm import tqdm

from cms.webhooks.models import Delivery
from cms.webhooks.tasks import deliver


class Command(BaseCommand):
    help = "Re-enqueue webhook deliveries that are pending or due for a retry (after an outage)."

    def handle(self, *args, **options):
        due = list(
            Delivery.objects.filter(
                status__in=[Delivery.Status.PENDING, Delivery.Status.RETRYING],
                next_attempt_at__lte=timezone.now(),
            ).values_list("pk", flat=True)
        )
        for pk in tqdm(due, desc="deliveries", unit="delivery"):
            deliver.enqueue(pk)
        self.stdout.write(self.style.SUCCESS(f"Re-enqueued {len(due)} deliveries."))
