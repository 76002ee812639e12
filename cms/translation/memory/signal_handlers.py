"""Leverage is recomputed on the worker when a task is created or its source changed."""

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from ..models import TaskState, TranslationTask
from .background import refresh_leverage


@receiver(post_save, sender=TranslationTask)
def task_saved(sender, instance, created, update_fields=None, **kwargs):
    if kwargs.get("raw"):
        return
    if created or (instance.state == TaskState.STALE and "state" in (update_fields or ())):
        task_id = instance.pk
        transaction.on_commit(lambda: refresh_leverage.enqueue(task_id))
