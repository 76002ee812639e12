"""Review and approval of translations: the queue's rules before anything may go live (all
segments done, QA clean, independent reviewer). Publishing is ``publishing.publish_translation``."""

from django.core.exceptions import ValidationError

from .. import qa
from ..models import LocalePolicy, TaskState
from ..permissions import can_review
from .workflow import can_transition, transition

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


def _check_reviewer(task, user):
    if not can_review(user, task.target_locale_id):
        raise QueueError(f"You may not review {task.target_locale} translations.")


def _move(task, to_state, user, comment):
    if not can_transition(task, to_state):
        raise QueueError(
            f"“{task}” is {S(task.state).label.lower()} and cannot become {S(to_state).label.lower()}."
        )
    transition(task, to_state, user=user, comment=comment)
