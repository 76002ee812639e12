"""The worker side: deliveries run in django-tasks, retried with exponential backoff."""

from django.db import transaction
from django.utils import timezone
from django_tasks import default_task_backend, task

from .delivery import attempt, claim
from .models import Delivery


@task()
def deliver(delivery_id: int) -> str:
    delivery = Delivery.objects.select_related("subscription").filter(pk=delivery_id).first()
    if delivery is None or delivery.status in (Delivery.Status.SUCCEEDED, Delivery.Status.FAILED):
        return "skipped"
    if default_task_backend.supports_defer and delivery.next_attempt_at > timezone.now():
        # Early: a second enqueue (webhooks_resume beside the deferred retry, which comes at
        # next_attempt_at). Attempting now would start a second chain of retries.
        return "not due"
    if not claim(delivery):
        return "skipped"  # another worker is sending this attempt
    if attempt(delivery):
        return "succeeded"
    if delivery.status == Delivery.Status.RETRYING:
        schedule(delivery)
    return delivery.status


def schedule(delivery: Delivery) -> None:
    """Enqueue after the surrounding transaction commits, at ``next_attempt_at`` when the
    backend can defer (the database worker can; the inline test backend retries at once)."""

    def enqueue():
        if default_task_backend.supports_defer and delivery.attempts:
            deliver.using(run_after=delivery.next_attempt_at).enqueue(delivery.pk)
        else:
            deliver.enqueue(delivery.pk)

    transaction.on_commit(enqueue)
