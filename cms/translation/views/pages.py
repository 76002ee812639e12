"""Read views: one task, the coverage matrix and the notice list."""

import csv

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from .. import permissions, qa, selectors
from ..exchange.units import units_for
from ..memory import leverage
from ..memory.offers import offers_for
from ..models import Notification, TaskState
from ..services.workflow import can_transition

S = TaskState


def _queue_user(request):
    if not permissions.can_use_queue(request.user):
        raise PermissionDenied("You cannot use the translation queue.")


def task_detail(request, task_id):
    _queue_user(request)
    task = get_object_or_404(
        selectors.queue(request.user).select_related("source", "translation", "last_translator"),
        pk=task_id,
    )
    report = qa.check_task(task)
    suggestions = {s.context.path: s for s in task.suggestions.select_related("context")}
    units = units_for(task)
    offers = offers_for(task, units)
    rows = [
        {
            "unit": unit,
            "issues": report.get(unit.id, []),
            "suggestion": suggestions.get(unit.id),
            "offer": offers[unit.id],
        }
        for unit in units
    ]
    overrides = [
        dict(row, issues=report.get(f"{row['path']} (override)", []))
        for row in selectors.overrides(task)
    ]
    try:
        edit_url = task.translation.get_target_instance_edit_url()
    except Exception:
        edit_url = None
    return render(
        request,
        "translation/task.html",
        {
            "task": task,
            "rows": rows,
            "overrides": overrides,
            "blocking": qa.blocking(report),
            "transitions": task.transitions.select_related("user"),
            "edit_url": edit_url
            if permissions.can_translate(request.user, task.target_locale_id)
            else None,
            "actions": _actions(request.user, task),
            "states": TaskState,
            "leverage": [
                row
                for row in leverage.for_source(task.source_id)
                if permissions.can_touch_locale(request.user, row.task.target_locale_id)
            ],
            "can_translate": permissions.can_translate(request.user, task.target_locale_id),
            "exact_to_apply": sum(
                1 for row in rows if not row["unit"].target and row["offer"].has_exact
            ),
        },
    )


def _actions(user, task) -> set[str]:
    """The buttons the task page offers ``user`` in the task's current state."""
    locale = task.target_locale_id
    offered = set()
    if permissions.can_translate(user, locale):
        if task.assignee_id is None:
            offered.add("claim")
        if task.assignee_id == user.pk or (task.assignee_id and permissions.is_coordinator(user)):
            offered.add("release")
        if task.segments_remaining and task.state not in (S.APPROVED, S.NEEDS_REVIEW):
            offered.add("machine_translate")
        if can_transition(task, S.NEEDS_REVIEW) and task.state != S.PUBLISHED:
            offered.add("request_review")
    if permissions.can_review(user, locale) and task.state == S.NEEDS_REVIEW:
        offered |= {"approve", "request_changes"}
    if permissions.can_review(user, locale) and task.state == S.APPROVED:
        offered.add("request_changes")
    if permissions.can_publish(user, locale) and task.state == S.APPROVED:
        offered.add("publish")
    if permissions.can_publish(user, locale) and "approve" in offered:
        offered.add("approve_publish")
    return offered


COLOURS = {
    TaskState.UNTRANSLATED: "#d9d9d9",
    TaskState.IN_PROGRESS: "#ffe08a",
    TaskState.MACHINE_DRAFT: "#ffc78a",
    TaskState.NEEDS_REVIEW: "#8ac6ff",
    TaskState.CHANGES_REQUESTED: "#ff9b9b",
    TaskState.APPROVED: "#9be29b",
    TaskState.PUBLISHED: "#3fae49",
    TaskState.STALE: "#e0533d",
}


def coverage(request):
    _queue_user(request)
    locales, rows = selectors.coverage(request.user)
    if request.GET.get("export") == "csv":
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="translation-coverage.csv"'
        writer = csv.writer(response)
        writer.writerow(["Title", "Type"] + [locale.language_code for locale in locales])
        for row in rows:
            writer.writerow(
                [row["title"], row["type"]]
                + [
                    "source"
                    if locale.pk == row["source"]
                    else (row["cells"][locale.pk].state if locale.pk in row["cells"] else "")
                    for locale in locales
                ]
            )
        return response
    table = [
        {
            "title": row["title"],
            "type": row["type"],
            "cells": [
                {"source": True}
                if locale.pk == row["source"]
                else {
                    "task": row["cells"].get(locale.pk),
                    "colour": COLOURS.get(
                        getattr(row["cells"].get(locale.pk), "state", None), "#ffffff"
                    ),
                }
                for locale in locales
            ],
        }
        for row in rows
    ]
    legend = [(TaskState(state).label, colour) for state, colour in COLOURS.items()]
    return render(
        request,
        "translation/coverage.html",
        {"locales": locales, "table": table, "legend": legend},
    )


def notifications(request):
    _queue_user(request)
    notices = Notification.objects.filter(user=request.user).select_related("task")[:100]
    response = render(request, "translation/notifications.html", {"notices": notices})
    Notification.objects.filter(user=request.user, read_at__isnull=True).update(
        read_at=timezone.now()
    )
    return response
