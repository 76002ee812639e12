"""Who works on a task, in which team, and by when."""

from django.utils import timezone

from .. import notifications
from ..models import LocaleTeam
from ..permissions import can_translate, is_coordinator
from .review import QueueError


def default_team(locale_id) -> LocaleTeam | None:
    """The team new tasks of a locale go to: its translating team (a review-only team last)."""
    return LocaleTeam.objects.filter(locale_id=locale_id).order_by("can_review", "pk").first()


def default_teams(locale_ids) -> dict:
    """{locale id: default_team(locale id)} for many locales in one query."""
    teams = {}
    for team in LocaleTeam.objects.filter(locale_id__in=locale_ids).order_by("can_review", "pk"):
        teams.setdefault(team.locale_id, team)
    return teams


def claim(task, user) -> None:
    """A translator of the task's locale takes it for themselves (unless someone has it)."""
    if not can_translate(user, task.target_locale_id):
        raise QueueError(f"You do not translate into {task.target_locale}.")
    if task.assignee_id not in (None, user.pk):
        raise QueueError(f"“{task}” is already claimed by {task.assignee}.")
    assign([task], user=user, by=user)


def release(task, user) -> None:
    """The assignee (or a coordinator) gives the task back to its team."""
    if task.assignee_id != user.pk and not is_coordinator(user):
        raise QueueError("Only the assignee or a coordinator may release this task.")
    team = task.assignee_team or default_team(task.target_locale_id)
    type(task).objects.filter(pk=task.pk).update(
        assignee=None, assignee_team=team, last_activity_at=timezone.now()
    )
    task.assignee, task.assignee_team = None, team


def assign(tasks, *, user=None, team=None, due_date=None, by=None) -> int:
    """Assign tasks to a user and/or a team; notifies a newly assigned user once."""
    count = 0
    for task in tasks:
        fields = []
        if user is not None and task.assignee_id != user.pk:
            task.assignee = user
            fields.append("assignee")
        if team is not None and task.assignee_team_id != team.pk:
            task.assignee_team = team
            fields.append("assignee_team")
        if due_date is not None and task.due_date != due_date:
            task.due_date = due_date
            fields.append("due_date")
        if fields:
            task.last_activity_at = timezone.now()
            task.save(update_fields=fields + ["last_activity_at"])
            count += 1
        if "assignee" in fields:
            notifications.notify_assigned(task, by)
    return count
