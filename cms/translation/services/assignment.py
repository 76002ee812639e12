"""Who works on a task, in which team, and by when."""

from django.utils import timezone

from .. import notifications


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
