"""Review, approval and publishing of translations: the queue's rules before anything goes
live (all segments done, QA clean, independent reviewer, permission to publish)."""

from django.core.exceptions import ValidationError
from wagtail.models import DraftStateMixin

from .. import qa
from ..models import LocalePolicy, TaskState, TaskTransition
from ..permissions import can_publish, can_review
from .workflow import can_transition, mark_published, transition

S = TaskState


class QueueError(ValidationError):
    """An action the queue refuses, with a message for the user."""


def request_review(task, user, comment="") -> None:
    if task.segments_remaining:
        raise QueueError(f"“{task}” still has {task.segments_remaining} untranslated segment(s).")
    _move(task, S.NEEDS_REVIEW, user, comment or "Review requested")


def request_changes(task, user, comment) -> None:
    _check_reviewer(task, user)
    if not comment.strip():
        raise QueueError("Say what needs to change.")
    _move(task, S.CHANGES_REQUESTED, user, comment)


def approve(task, user, comment="") -> None:
    _check_reviewer(task, user)
    policy = LocalePolicy.objects.filter(locale_id=task.target_locale_id).first()
    independent = policy.require_independent_review if policy else True
    if independent and task.last_translator_id == user.pk:
        raise QueueError(f"{task.target_locale} requires a reviewer other than the translator.")
    if task.segments_remaining:
        raise QueueError(f"“{task}” still has {task.segments_remaining} untranslated segment(s).")
    problems = qa.blocking(qa.check_task(task))
    if problems:
        raise QueueError(["Fix these before approval:"] + problems)
    _move(task, S.APPROVED, user, comment or "Approved")


def publish(task, user) -> str:
    """Publish an approved translation: through the target's Wagtail workflow when it has one,
    otherwise directly. Returns what happened."""
    if task.state != S.APPROVED:
        raise QueueError(
            f"“{task}” is {S(task.state).label.lower()}; only approved work is published."
        )
    if not can_publish(user, task.target_locale_id):
        raise QueueError(f"You may not publish {task.target_locale} translations.")
    translation = task.translation
    try:
        target = translation.get_target_instance()
    except Exception:
        target = None
    if target is not None and getattr(target, "locked", False):
        raise QueueError(f"“{target}” is locked; unlock it before publishing.")
    if target is None or not isinstance(target, DraftStateMixin):
        translation.save_target(user=user, publish=True)
        mark_published(translation.get_target_instance(), user)
        return "published"
    translation.save_target(user=user, publish=False)
    target = type(target).objects.get(pk=target.pk)
    workflow = target.get_workflow() if hasattr(target, "get_workflow") else None
    if workflow is not None:
        if target.workflow_in_progress:
            return "already in workflow"
        workflow.start(target, user)
        TaskTransition.objects.create(
            task=task,
            from_state=task.state,
            to_state=task.state,
            user=user,
            comment=f"Submitted to the “{workflow}” workflow",
        )
        return "submitted to workflow"
    target.latest_revision.publish(user=user)
    return "published"


def _check_reviewer(task, user):
    if not can_review(user, task.target_locale_id):
        raise QueueError(f"You may not review {task.target_locale} translations.")


def _move(task, to_state, user, comment):
    if not can_transition(task, to_state):
        raise QueueError(
            f"“{task}” is {S(task.state).label.lower()} and cannot become {S(to_state).label.lower()}."
        )
    transition(task, to_state, user=user, comment=comment)
