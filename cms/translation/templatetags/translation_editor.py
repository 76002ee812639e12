"""Tags for our override of wagtail-localize's editor page (``edit_translation.html``)."""

from django import template
from django.urls import reverse

from .. import editor_props, permissions, selectors
from ..models import TaskState
from ..services import workflow

register = template.Library()


@register.simple_tag(takes_context=True)
def translation_editor_props(context) -> str:
    """wagtail-localize's props JSON with the queue's labels (see ``editor_props``)."""
    return editor_props.adjust(
        context["props"], context["translation"], context["instance"], context["request"].user
    )


@register.inclusion_tag("translation/editor_review_bar.html", takes_context=True)
def request_review_bar(context) -> dict:
    """The "Request review" bar inside the editor: posts to the task's review action (the same
    one as on the task page), then comes back here. Shown while the task may move to review."""
    request, instance = context["request"], context["instance"]
    task = selectors.task_for_instance(instance)
    if (
        task is None
        or not permissions.can_translate(request.user, task.target_locale_id)
        or not workflow.can_transition(task, TaskState.NEEDS_REVIEW)
    ):
        return {"task": None}
    return {
        "task": task,
        "url": reverse("translation_queue:review", args=[task.pk]),
        "task_url": reverse("translation_queue:task", args=[task.pk]),
        "next": request.get_full_path(),
        "csrf_token": context.get("csrf_token"),
    }
