"""POST endpoints: bulk actions from the queue and review actions on one task."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from .. import permissions, queue_jobs, selectors
from ..models import JobKind
from ..services import assignment, publishing
from ..services import review as task_review
from .forms import BulkForm, ReviewForm


def _next(request, default):
    url = request.POST.get("next") or ""
    if url_has_allowed_host_and_scheme(url, {request.get_host()}):
        return url
    return default


def _tasks_for(request):
    """The posted tasks, refusing the request if any is outside the user's locales."""
    if not permissions.can_use_queue(request.user):
        raise PermissionDenied("You cannot use the translation queue.")
    ids = set()
    for value in request.POST.getlist("task"):
        if not value.isdigit():
            raise PermissionDenied(f"“{value}” is not a task id.")
        ids.add(int(value))
    tasks = list(selectors.queue(request.user).filter(pk__in=ids).select_related("source"))
    if len(tasks) != len(ids):
        raise PermissionDenied("Some of the selected tasks are not yours to work on.")
    permissions.check_tasks(request.user, tasks)
    return tasks


@require_POST
def bulk(request):
    back = _next(request, "translation_queue:index")
    tasks = _tasks_for(request)
    users, teams = selectors.assignable(request.user)
    form = BulkForm(request.POST, tasks=tasks, users=users, teams=teams)
    if not tasks:
        messages.error(request, "Select at least one task.")
        return redirect(back)
    if not form.is_valid():
        for error in form.errors.values():
            messages.error(request, " ".join(error))
        return redirect(back)
    action, data, user = form.cleaned_data["action"], form.cleaned_data, request.user
    if action == "assign":
        problems = _assignment_problems(tasks, data["user"], data["team"])
        if problems:
            messages.error(request, " ".join(problems))
            return redirect(back)
        changed = assignment.assign(tasks, user=data["user"], team=data["team"], by=user)
        messages.success(request, f"Assigned {changed} task(s).")
    elif action == "due_date":
        changed = assignment.assign(tasks, due_date=data["due_date"], by=user)
        messages.success(request, f"Due date set on {changed} task(s).")
    elif action == "machine_translate":
        job, created = queue_jobs.start(JobKind.MACHINE_TRANSLATE, [t.pk for t in tasks], user)
        messages.success(
            request,
            f"Machine translation of {job.total} task(s) "
            + ("queued." if created else "is already queued."),
        )
    elif action == "request_review":
        done, errors = 0, []
        for task in tasks:
            try:
                task_review.request_review(task, user)
                done += 1
            except task_review.QueueError as error:
                errors += error.messages
        if done:
            messages.success(request, f"Review requested for {done} task(s).")
        for error in errors:
            messages.error(request, error)
    elif action == "export_xliff":
        job, created = queue_jobs.start_export(tasks, user)
        messages.success(
            request,
            format_html(
                'Export of {} task(s) {}: <a href="{}">follow it and download the zip</a>.',
                job.total,
                "queued" if created else "is already queued",
                reverse("translation_queue:job", args=[job.pk]),
            ),
        )
    return redirect(back)


def _assignment_problems(tasks, user, team):
    problems = []
    for task in tasks:
        if user is not None and not permissions.can_translate(user, task.target_locale_id):
            problems.append(f"{user} is not a translator of {task.target_locale}.")
        if team is not None and team.locale_id != task.target_locale_id:
            problems.append(f"{team} does not translate into {task.target_locale}.")
    return sorted(set(problems))


@require_POST
def review(request, task_id):
    task = get_object_or_404(
        selectors.queue(request.user).select_related("source", "translation"), pk=task_id
    )
    permissions.check_tasks(request.user, [task])
    form = ReviewForm(request.POST)
    back = _next(request, "translation_queue:task")
    if not form.is_valid():
        messages.error(request, "Unknown action.")
        return redirect("translation_queue:task", task.pk)
    action, comment, user = form.cleaned_data["action"], form.cleaned_data["comment"], request.user
    try:
        if action == "request_review":
            task_review.request_review(task, user, comment)
            messages.success(request, "Review requested.")
        elif action == "approve":
            task_review.approve(task, user, comment)
            messages.success(request, "Approved.")
        elif action == "request_changes":
            task_review.request_changes(task, user, comment)
            messages.success(request, "Changes requested.")
        elif action in ("publish", "approve_publish"):
            if action == "approve_publish":
                task_review.approve(task, user, comment)
            outcome = publishing.publish_translation(task, user)
            messages.success(request, f"Translation {outcome}.")
        elif action == "claim":
            assignment.claim(task, user)
            messages.success(request, "The task is yours now.")
        elif action == "release":
            assignment.release(task, user)
            messages.success(request, f"Released to {task.assignee_team or 'the queue'}.")
        elif action == "machine_translate":
            job, created = queue_jobs.start(JobKind.MACHINE_TRANSLATE, [task.pk], user)
            messages.success(
                request, "Machine translation queued." if created else "Already queued."
            )
    except task_review.QueueError as error:
        for message in error.messages:
            messages.error(request, message)
    if back == "translation_queue:task":
        return redirect(back, task.pk)
    return redirect(back)
