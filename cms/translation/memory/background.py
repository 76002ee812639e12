"""Memory building on the worker: the queue enqueues ``record_task_memory`` when a task is
approved or published, so the request that approved it never waits for the memory."""

from django.contrib.auth import get_user_model
from django_tasks import task

from cms.translation.models import TranslationTask

from . import leverage
from .record import record_task


@task()
def record_task_memory(task_id: int, user_id: int | None = None) -> int:
    queue_task = TranslationTask.objects.select_related("source").filter(pk=task_id).first()
    if queue_task is None:  # deleted meanwhile
        return 0
    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    return record_task(queue_task, user)


@task()
def refresh_leverage(task_id: int) -> None:
    queue_task = TranslationTask.objects.select_related("source").filter(pk=task_id).first()
    if queue_task is not None:
        leverage.compute(queue_task)
