"""Reads for the queue and the coverage matrix, shaped so a page costs a fixed number of queries,
and the look-ups that connect content to its translation source and task."""

from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.models import Locale, Page
from wagtail_localize.models import OverridableSegment, SegmentOverride, TranslationSource

from . import permissions
from .models import LocaleTeam, QueueJob, TranslationTask


def queue(user):
    tasks = TranslationTask.objects.select_related(
        "content_type", "source_locale", "target_locale", "assignee", "assignee_team"
    )
    return permissions.visible_tasks(user, tasks)


def open_jobs(user):
    jobs = QueueJob.objects.order_by("-created_at")
    if not user.is_superuser:
        jobs = jobs.filter(created_by=user)
    return jobs[:5]


def assignable(user, tasks=None):
    """Users and teams that the queue offers as assignees."""
    teams = LocaleTeam.objects.select_related("locale")
    users = get_user_model().objects.filter(is_active=True)
    if permissions.is_translator(user):
        own = permissions.locale_ids(user)
        teams = teams.filter(locale_id__in=own)
        users = users.filter(locale_teams__locale_id__in=own).distinct()
    else:
        users = users.filter(Q(locale_teams__isnull=False) | Q(is_superuser=True)).distinct()
    return users.order_by("username"), teams


def coverage(user):
    """(locales, rows): rows are (source title, type, {locale id: task}) for visible tasks."""
    locales = list(Locale.objects.order_by("language_code"))
    tasks = permissions.visible_tasks(user, TranslationTask.objects.select_related("content_type"))
    rows = {}
    for task in tasks.order_by("title", "source_id"):
        row = rows.setdefault(
            task.source_id,
            {
                "title": task.title,
                "type": task.content_type.name,
                "source": task.source_locale_id,
                "cells": {},
            },
        )
        row["cells"][task.target_locale_id] = task
    return locales, list(rows.values())


def source_for_instance(instance) -> TranslationSource | None:
    """The wagtail-localize source made from ``instance`` (a source page or snippet), if any."""
    if isinstance(instance, Page):
        instance = instance.specific
    return TranslationSource.objects.filter(
        object_id=instance.translation_key, locale_id=instance.locale_id
    ).first()


def task_for_instance(instance) -> TranslationTask | None:
    """The task whose target is ``instance`` (a translated page or snippet), if any."""
    return (
        TranslationTask.objects.filter(
            source__object_id=instance.translation_key, target_locale_id=instance.locale_id
        )
        .select_related("source", "target_locale")
        .first()
    )


def overrides(task) -> list[dict]:
    """The task's overridden values (e.g. a translation's own phone number or link), each with
    the source's value: [{"path", "source", "value"}] in the source's order."""
    values = dict(
        SegmentOverride.objects.filter(
            context__object_id=task.source.object_id, locale_id=task.target_locale_id
        ).values_list("context_id", "data_json")
    )
    if not values:
        return []
    segments = OverridableSegment.objects.filter(
        source_id=task.source_id, context_id__in=values
    ).select_related("context")
    return [
        {"path": s.context.path, "source": s.data_json, "value": values[s.context_id]}
        for s in segments.order_by("order")
    ]
