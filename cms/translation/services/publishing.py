"""The one way an approved translation goes live.

Every publish of a translation (the task page, wagtail-localize's editor, queue jobs, other
services) calls ``publish_translation``. Review in the queue *is* the approval, so a Wagtail
workflow covering the target page (e.g. the site-wide "Moderators approval") is started if
needed and its tasks approved on the reviewer's behalf until it finishes and publishes: nothing
is left waiting in a workflow nobody watches for translations.
"""

from django.db import transaction
from wagtail.models import DraftStateMixin, WorkflowState

from ..models import TaskState, TaskTransition
from ..permissions import can_publish
from . import staleness
from .review import QueueError
from .workflow import mark_published

S = TaskState


def check_publishable(task, user) -> None:
    """Raise QueueError unless ``user`` may publish ``task`` now."""
    if task.state != S.APPROVED:
        raise QueueError(
            f"“{task}” is {S(task.state).label.lower()}; only approved work is published."
        )
    if not can_publish(user, task.target_locale_id):
        raise QueueError(f"You may not publish {task.target_locale} translations.")
    try:
        source = task.source.get_source_instance()
    except Exception as error:
        raise QueueError(f"The source of “{task}” no longer exists.") from error
    if isinstance(source, DraftStateMixin) and not source.live:
        raise QueueError(f"The source “{source}” is not published: publish it first.")
    published_at = getattr(source, "last_published_at", None)
    if published_at and published_at > task.source.last_updated_at:
        # The worker has not re-read the newly published source yet: do it now, so the
        # translation is never built from the previous source (its phone numbers, say).
        staleness.sync_source(task.source, user)
        task.refresh_from_db()
        if task.state != S.APPROVED:
            raise QueueError(f"The source of “{task}” changed since approval; see the task.")


def _target(translation):
    try:
        return translation.get_target_instance()
    except Exception:  # never created yet: save_target creates it
        return None


@transaction.atomic
def publish_translation(task, user) -> str:
    """Publish an approved translation; returns what happened ("published" or
    "published through the “…” workflow"). The task ends published."""
    check_publishable(task, user)
    translation = task.translation
    target = _target(translation)
    if target is not None and getattr(target, "locked", False):
        raise QueueError(f"“{target}” is locked; unlock it before publishing.")
    if target is None or not isinstance(target, DraftStateMixin):
        translation.save_target(user=user, publish=True)
        mark_published(translation.get_target_instance(), user)
        return "published"
    translation.save_target(user=user, publish=False)
    target = type(target).objects.get(pk=target.pk)
    outcome = _publish_through_workflow(task, target, user)
    if outcome is None:
        target.get_latest_revision().publish(user=user)
        outcome = "published"
    target = type(target).objects.get(pk=target.pk)
    mark_published(target, user)
    return outcome


def _publish_through_workflow(task, target, user) -> str | None:
    """Approve the target's workflow to its end (it then publishes the latest revision).
    None when no workflow covers the target."""
    state = WorkflowState.objects.active().for_instance(target).first()
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.cancel(user=user)  # rejected earlier; the queue's new approval replaces it
        state = None
    if state is None:
        workflow = target.get_workflow() if hasattr(target, "get_workflow") else None
        if workflow is None or not workflow.active:
            return None
        state = workflow.start(target, user)
    name = str(state.workflow)
    for _ in range(state.workflow.workflow_tasks.count() + 1):
        state.refresh_from_db()
        if state.status != WorkflowState.STATUS_IN_PROGRESS:
            break
        current = state.current_task_state
        current.approve(user=user, comment=f"Approved in the translation queue ({task})")
    TaskTransition.objects.create(
        task=task,
        from_state=task.state,
        to_state=task.state,
        user=user,
        comment=f"Approved the “{name}” workflow on the queue's review",
    )
    return f"published through the “{name}” workflow"
