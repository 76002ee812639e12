"""Memory building on the worker: the queue enqueues ``record_task_memory`` when a task is
approved or published, so the request that approved it never waits for the memory.

The ``*_in_bulk`` forms do many calls of a task at once, in order, with what the calls share
(the tasks, their users, each submission's source segments) read once: bulk mode runs them at
the end of a bulk operation (the demo loads ~1,600 calls)."""

import inspect

from django.contrib.auth import get_user_model
from django_tasks import task
from wagtail_localize.models import StringSegment

from cms import bulk_mode
from cms.translation.models import TranslationTask

from . import leverage
from .record import pairs_for_task, record_task, record_tasks, translations_into


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


def record_task_memory_in_bulk(calls) -> int:
    """``record_task_memory(*args, **kwargs)`` for each (args, kwargs) of ``calls``, in order."""
    bound = [_bind(record_task_memory, args, kwargs) for args, kwargs in calls]
    tasks = _tasks(b["task_id"] for b in bound)
    user_ids = {b.get("user_id") for b in bound} - {None}
    users = get_user_model().objects.in_bulk(user_ids) if user_ids else {}
    segments = _SegmentCache()
    found = [
        (tasks[b["task_id"]], users.get(b.get("user_id"))) for b in bound if b["task_id"] in tasks
    ]
    done = _translations_by_locale(task for task, _ in found)
    return record_tasks(
        (
            task,
            user,
            pairs_for_task(task, segments.get(task.source_id), done[task.target_locale_id]),
        )
        for task, user in found
    )


def refresh_leverage_in_bulk(calls) -> None:
    """``refresh_leverage(*args, **kwargs)`` for each (args, kwargs) of ``calls``, in order."""
    bound = [_bind(refresh_leverage, args, kwargs) for args, kwargs in calls]
    tasks = _tasks(b["task_id"] for b in bound)
    segments = _SegmentCache()
    leverage.compute_many(
        (task, [segment.string.data for segment in segments.get(task.source_id)])
        for task in (tasks.get(b["task_id"]) for b in bound)
        if task is not None
    )


bulk_mode.register_bulk(record_task_memory, record_task_memory_in_bulk)
bulk_mode.register_bulk(refresh_leverage, refresh_leverage_in_bulk)


def _bind(task_, args, kwargs) -> dict:
    return inspect.signature(task_.func).bind(*args, **kwargs).arguments


def _tasks(ids) -> dict:
    return TranslationTask.objects.select_related("source").in_bulk(set(ids))


def _translations_by_locale(tasks) -> dict:
    """``translations_into`` for each target locale of ``tasks``: one query per locale."""
    objects = {}
    for queue_task in tasks:
        objects.setdefault(queue_task.target_locale_id, set()).add(queue_task.source.object_id)
    return {locale_id: _translations_into(ids, locale_id) for locale_id, ids in objects.items()}


def _translations_into(object_ids, locale_id) -> dict:
    ids, done = sorted(object_ids), {}
    for start in range(0, len(ids), 500):  # within SQLite's parameter limit
        done |= translations_into(ids[start : start + 500], locale_id)
    return done


class _SegmentCache(dict):
    """A submission's source segments in order, with their strings and contexts, read once."""

    def get(self, source_id):
        if source_id not in self:
            self[source_id] = list(
                StringSegment.objects.filter(source_id=source_id)
                .select_related("string", "context")
                .order_by("order")
            )
        return self[source_id]
