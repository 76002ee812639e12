"""The task state machine: the allowed moves, and ``transition``, the one way a task changes
state (it records the move and tells the people concerned)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from .. import notifications, selectors
from ..memory.background import record_task_memory
from ..models import TaskState, TaskTransition, TranslationTask

S = TaskState

# Allowed moves. Machine output reaches "approved" only through "needs review", and only
# "approved" work can be published: there is no path from a machine draft to the public.
TRANSITIONS: dict[str, set[str]] = {
    S.UNTRANSLATED: {S.IN_PROGRESS, S.MACHINE_DRAFT, S.NEEDS_REVIEW, S.STALE},
    S.IN_PROGRESS: {S.UNTRANSLATED, S.MACHINE_DRAFT, S.NEEDS_REVIEW, S.STALE},
    S.MACHINE_DRAFT: {S.IN_PROGRESS, S.NEEDS_REVIEW, S.STALE},
    S.NEEDS_REVIEW: {S.APPROVED, S.CHANGES_REQUESTED, S.IN_PROGRESS, S.STALE},
    S.CHANGES_REQUESTED: {S.IN_PROGRESS, S.MACHINE_DRAFT, S.NEEDS_REVIEW, S.STALE},
    S.APPROVED: {S.PUBLISHED, S.CHANGES_REQUESTED, S.IN_PROGRESS, S.STALE},
    S.PUBLISHED: {S.IN_PROGRESS, S.NEEDS_REVIEW, S.STALE},
    S.STALE: {S.IN_PROGRESS, S.MACHINE_DRAFT, S.NEEDS_REVIEW},
}


class IllegalTransition(ValidationError):
    pass


def can_transition(task: TranslationTask, to_state: str) -> bool:
    return to_state in TRANSITIONS[task.state]


@transaction.atomic
def transition(task, to_state, user=None, comment="", force=False) -> TaskTransition:
    """Move ``task`` to ``to_state`` and record it. ``force`` is for facts that already happened
    elsewhere (e.g. content published by code outside the queue); it is noted in the log."""
    from_state = task.state
    if not force and not can_transition(task, to_state):
        raise IllegalTransition(
            f"“{task}” cannot go from {S(from_state).label} to {S(to_state).label}.",
            code="illegal_transition",
        )
    task.state = to_state
    task.last_activity_at = timezone.now()
    if to_state != S.STALE:
        task.stale_segments = 0
    task.save(update_fields=["state", "last_activity_at", "stale_segments"])
    record = TaskTransition.objects.create(
        task=task, from_state=from_state, to_state=to_state, user=user, comment=comment
    )
    notifications.on_transition(task, from_state, to_state, user)
    if to_state in (S.APPROVED, S.PUBLISHED):
        # Approved and published work feeds the translation memory, on the worker.
        task_id, user_id = task.pk, getattr(user, "pk", None)
        transaction.on_commit(lambda: record_task_memory.enqueue(task_id, user_id))
    return record


def mark_published(instance, user=None) -> None:
    """``instance`` (a translated page or snippet) was published: its task is published."""
    task = selectors.task_for_instance(instance)
    if task is None or task.state == S.PUBLISHED:
        return
    if task.state == S.APPROVED:
        transition(task, S.PUBLISHED, user=user, comment="Published")
    else:
        transition(
            task, S.PUBLISHED, user=user, force=True, comment="Published outside the review queue"
        )


def workflow_rejected(instance, user=None, comment="") -> TaskTransition | None:
    """A Wagtail workflow reviewer rejected the translated ``instance``: its task needs changes.
    Tasks that cannot take that step (e.g. never approved through the queue) are left alone."""
    task = selectors.task_for_instance(instance)
    if task is None or not can_transition(task, S.CHANGES_REQUESTED):
        return None
    return transition(
        task, S.CHANGES_REQUESTED, user=user, comment=comment or "Changes requested in a workflow"
    )
