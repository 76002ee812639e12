"""E-mail and in-admin notices about tasks. Each event has a key; a repeat of it is a no-op."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.urls import reverse

from .models import Notification, TaskState
from .permissions import team_members


def task_url(task) -> str:
    """The task's page on the admin's public address (WAGTAILADMIN_BASE_URL), for e-mails."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
        "translation_queue:task", args=[task.pk]
    )


def notify(user, task, kind, key, message) -> bool:
    """Create the notice and e-mail it, unless this user already has a notice with ``key``."""
    if user is None or not user.is_active:
        return False
    try:
        with transaction.atomic():
            Notification.objects.create(user=user, task=task, kind=kind, key=key, message=message)
    except IntegrityError:
        return False
    if user.email:
        transaction.on_commit(
            lambda: send_mail(
                f"[PROTECT translations] {message}",
                f"{message}\n\nOpen the task: {task_url(task)}",
                None,
                [user.email],
                fail_silently=True,
            )
        )
    return True


def _reviewers(task):
    return team_members(task.target_locale_id, review=True)


def notify_assigned(task, by=None) -> None:
    notify(
        task.assignee,
        task,
        Notification.Kind.ASSIGNED,
        f"assigned:{task.pk}:{task.assignee_id}",
        f"You were assigned “{task}”.",
    )


def on_transition(task, from_state, to_state, user) -> None:
    """Who hears about a state change. Keys include the transition so one event mails once."""
    last = task.transitions.order_by("-pk").values_list("pk", flat=True).first() or 0
    if to_state == TaskState.STALE and (task.assignee_id or from_state == TaskState.APPROVED):
        people = {task.assignee} if task.assignee_id else set(_reviewers(task))
        for person in people:
            notify(
                person,
                task,
                Notification.Kind.STALE,
                f"stale:{task.pk}:{last}",
                f"“{task}” went stale: its source text changed.",
            )
    elif to_state == TaskState.NEEDS_REVIEW:
        for person in _reviewers(task):
            if person != user:
                notify(
                    person,
                    task,
                    Notification.Kind.REVIEW_REQUESTED,
                    f"review:{task.pk}:{last}",
                    f"Review requested for “{task}”.",
                )
    elif to_state == TaskState.CHANGES_REQUESTED:
        people = {p for p in (task.assignee, task.last_translator) if p is not None}
        for person in people:
            notify(
                person,
                task,
                Notification.Kind.CHANGES_REQUESTED,
                f"changes:{task.pk}:{last}",
                f"Changes requested for “{task}”.",
            )
