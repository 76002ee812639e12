"""Memory actions on a task: apply exact matches (the queue's task page offers it)."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST

from .. import permissions, selectors
from .apply import apply_exact


@require_POST
def apply_matches(request, task_id):
    task = get_object_or_404(
        selectors.queue(request.user).select_related("source", "translation"), pk=task_id
    )
    permissions.check_tasks(request.user, [task])
    applied = apply_exact(task, request.user)
    if applied:
        messages.success(
            request,
            f"{applied} segment(s) filled from the translation memory; they need review.",
        )
    else:
        messages.info(request, "No untranslated segment has an exact memory match.")
    return redirect("translation_queue:task", task.pk)
