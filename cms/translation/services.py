"""Writes to the translation queue: the state machine, task creation and progress, staleness when
a source changes, assignment. Everything else changes tasks through these functions."""

from collections import defaultdict
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.html import strip_tags
from wagtail.models import DraftStateMixin, Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from .models import SegmentSuggestion, TaskState, TaskTransition, TranslationTask

S = TaskState

# Allowed moves. Machine output reaches "approved" only through "needs review", and only
# "approved" work can be published: there is no path from a machine draft to the public.
TRANSITIONS: dict[str, set[str]] = {
    S.UNTRANSLATED: {S.IN_PROGRESS, S.MACHINE_DRAFT, S.NEEDS_REVIEW, S.STALE},
    S.IN_PROGRESS: {S.UNTRANSLATED, S.MACHINE_DRAFT, S.NEEDS_REVIEW, S.STALE},
    S.MACHINE_DRAFT: {S.IN_PROGRESS, S.NEEDS_REVIEW, S.STALE},
    S.NEEDS_REVIEW: {S.APPROVED, S.CHANGES_REQUESTED, S.IN_PROGRESS, S.STALE},
    S.CHANGES_REQUESTED: {S.IN_PROGRESS, S.MACHINE_DRAFT, S.NEEDS_REVIEW, S.STALE},
    S.APPROVED: {S.PUBLISHED, S.CHANGES_REQUESTED, S.IN_PROGRESS, S.STALE},
    S.PUBLISHED: {S.IN_PROGRESS, S.NEEDS_REVIEW, S.STALE},
    S.STALE: {S.IN_PROGRESS, S.MACHINE_DRAFT, S.NEEDS_REVIEW},
}


class IllegalTransition(ValidationError):
    pass


def can_transition(task: TranslationTask, to_state: str) -> bool:
    return to_state in TRANSITIONS[task.state]


@transaction.atomic
def transition(task, to_state, user=None, comment="", force=False) -> TaskTransition:
    """Move ``task`` to ``to_state`` and record it. ``force`` is for facts that already happened
    elsewhere (e.g. content published by code outside the queue); it is noted in the log."""
    from_state = task.state
    if not force and not can_transition(task, to_state):
        raise IllegalTransition(
            f"“{task}” cannot go from {S(from_state).label} to {S(to_state).label}.",
            code="illegal_transition",
        )
    task.state = to_state
    task.last_activity_at = timezone.now()
    if to_state != S.STALE:
        task.stale_segments = 0
    task.save(update_fields=["state", "last_activity_at", "stale_segments"])
    record = TaskTransition.objects.create(
        task=task, from_state=from_state, to_state=to_state, user=user, comment=comment
    )
    from . import notifications

    notifications.on_transition(task, from_state, to_state, user)
    return record


# --- Tasks and their progress ---------------------------------------------------------------


def _words(text: str) -> int:
    return len(strip_tags(text).split())


@dataclass
class _Segment:
    string_id: int
    context_id: int
    words: int


def _source_segments(source_id) -> list[_Segment]:
    rows = StringSegment.objects.filter(source_id=source_id).values_list(
        "string_id", "context_id", "string__data"
    )
    return [_Segment(string, context, _words(data)) for string, context, data in rows]


def _translated(source, locale_ids) -> dict[int, dict[tuple[int, int], str]]:
    """{locale id: {(string id, context id): translation type}} for the source's object."""
    found = defaultdict(dict)
    rows = StringTranslation.objects.filter(
        context__object_id=source.object_id, locale_id__in=locale_ids, has_error=False
    ).values_list("locale_id", "translation_of_id", "context_id", "translation_type")
    for locale_id, string_id, context_id, kind in rows:
        found[locale_id][(string_id, context_id)] = kind
    return found


def refresh_progress(tasks, segments=None) -> None:
    """Recount segments and words (total/remaining) for tasks that share one source."""
    tasks = list(tasks)
    if not tasks:
        return
    source = tasks[0].source
    segments = _source_segments(source.pk) if segments is None else segments
    done = _translated(source, [t.target_locale_id for t in tasks])
    for task in tasks:
        have = done.get(task.target_locale_id, {})
        missing = [s for s in segments if (s.string_id, s.context_id) not in have]
        task.segments_total = len(segments)
        task.segments_remaining = len(missing)
        task.words_total = sum(s.words for s in segments)
        task.words_remaining = sum(s.words for s in missing)
        task.machine_segments = sum(
            1
            for s in segments
            if have.get((s.string_id, s.context_id)) == StringTranslation.TRANSLATION_TYPE_MACHINE
        )
    TranslationTask.objects.bulk_update(
        tasks,
        [
            "segments_total",
            "segments_remaining",
            "words_total",
            "words_remaining",
            "machine_segments",
        ],
    )


def _target_is_live(translation: Translation) -> bool:
    try:
        target = translation.get_target_instance()
    except Exception:  # the target was never created or is gone
        return False
    if isinstance(target, DraftStateMixin):
        return bool(target.live) and not target.has_unpublished_changes
    return True


def ensure_task(translation: Translation, user=None) -> tuple[TranslationTask, bool]:
    """The task of a wagtail-localize Translation, created (with its initial state) if missing."""
    try:
        return translation.queue_task, False
    except TranslationTask.DoesNotExist:
        pass
    source = translation.source
    task, created = TranslationTask.objects.get_or_create(
        translation=translation,
        defaults={
            "source": source,
            "content_type_id": source.specific_content_type_id,
            "title": source.object_repr[:255],
            "source_locale_id": source.locale_id,
            "target_locale_id": translation.target_locale_id,
        },
    )
    if not created:
        return task, False
    refresh_progress([task])
    initial = S.UNTRANSLATED
    if task.segments_remaining < task.segments_total:
        initial = S.MACHINE_DRAFT if task.machine_segments else S.IN_PROGRESS
        if task.segments_remaining == 0 and not task.machine_segments:
            if _target_is_live(translation):
                initial = S.PUBLISHED
    if initial != S.UNTRANSLATED:
        task.state = initial
        task.save(update_fields=["state"])
    TaskTransition.objects.create(
        task=task, from_state="", to_state=initial, user=user, comment="Submitted for translation"
    )
    return task, True


def record_string_change(string_translation: StringTranslation, deleted=False) -> None:
    """A segment of some task was translated, changed or cleared: recount and move its state."""
    context = string_translation.context
    if context is None:
        return
    tasks = list(
        TranslationTask.objects.filter(
            source__object_id=context.object_id,
            target_locale_id=string_translation.locale_id,
        ).select_related("source")
    )
    if not tasks:
        return
    refresh_progress(tasks)
    user = (
        string_translation.last_translated_by if string_translation.last_translated_by_id else None
    )
    for task in tasks:
        if not deleted and user:
            task.last_translator = user
        task.last_activity_at = timezone.now()
        task.save(update_fields=["last_translator", "last_activity_at"])
        if deleted:
            continue
        machine = string_translation.translation_type == StringTranslation.TRANSLATION_TYPE_MACHINE
        target = S.MACHINE_DRAFT if machine else S.IN_PROGRESS
        if task.state == target:
            continue
        if machine and task.state not in (
            S.UNTRANSLATED,
            S.IN_PROGRESS,
            S.STALE,
            S.CHANGES_REQUESTED,
        ):
            continue
        if not machine and task.state == S.NEEDS_REVIEW:
            continue  # the reviewer's own corrections keep the task in review
        if can_transition(task, target):
            transition(task, target, user=user or None, comment="Segments edited")


# --- Staleness ------------------------------------------------------------------------------


@transaction.atomic
def sync_source(source: TranslationSource, user=None) -> dict[int, int]:
    """Re-read the source from the database. Tasks whose locale lacks a translation of a
    changed segment become stale (recording how many); the segment's previous translation is
    kept as a suggestion. Returns {task id: changed segments} for the tasks made stale."""
    before = dict(
        StringSegment.objects.filter(source=source).values_list("context_id", "string_id")
    )
    source.update_from_db()
    segments = _source_segments(source.pk)
    changed = [s for s in segments if before.get(s.context_id) != s.string_id]
    tasks = list(
        TranslationTask.objects.filter(source=source, translation__enabled=True).select_related(
            "source", "assignee", "target_locale"
        )
    )
    TranslationTask.objects.filter(source=source).update(title=source.object_repr[:255])
    refresh_progress(tasks, segments)
    if not changed:
        return {}
    done = _translated(source, [t.target_locale_id for t in tasks])
    previous = _previous_translations(source, changed, before, [t.target_locale_id for t in tasks])
    made_stale = {}
    for task in tasks:
        have = done.get(task.target_locale_id, {})
        missing = [s for s in changed if (s.string_id, s.context_id) not in have]
        if not missing or task.state == S.UNTRANSLATED:
            continue
        for segment in missing:
            old = previous.get((task.target_locale_id, segment.context_id))
            if old:
                SegmentSuggestion.objects.update_or_create(
                    task=task,
                    context_id=segment.context_id,
                    defaults={"previous_source": old[0], "previous_translation": old[1]},
                )
        comment = f"{len(missing)} source segment(s) changed"
        if task.state == S.STALE:
            task.stale_segments += len(missing)
            task.save(update_fields=["stale_segments"])
        else:
            transition(task, S.STALE, user=user, comment=comment)
            task.stale_segments = len(missing)
            task.save(update_fields=["stale_segments"])
        made_stale[task.pk] = len(missing)
    return made_stale


def _previous_translations(source, changed, before, locale_ids):
    """{(locale id, context id): (old source text, old translation)} for changed segments."""
    old_strings = {before[s.context_id] for s in changed if s.context_id in before}
    rows = StringTranslation.objects.filter(
        context__object_id=source.object_id,
        locale_id__in=locale_ids,
        translation_of_id__in=old_strings,
    ).values_list("locale_id", "context_id", "translation_of_id", "translation_of__data", "data")
    return {
        (locale_id, context_id): (old_source, data)
        for locale_id, context_id, string_id, old_source, data in rows
        if before.get(context_id) == string_id
    }


def source_for_instance(instance) -> TranslationSource | None:
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


def mark_published(instance, user=None) -> None:
    task = task_for_instance(instance)
    if task is None or task.state == S.PUBLISHED:
        return
    if task.state == S.APPROVED:
        transition(task, S.PUBLISHED, user=user, comment="Published")
    else:
        transition(
            task, S.PUBLISHED, user=user, force=True, comment="Published outside the review queue"
        )


def workflow_rejected(instance, user=None, comment="") -> TaskTransition | None:
    """A Wagtail workflow reviewer rejected the translated ``instance``: its task needs changes.
    Tasks that cannot take that step (e.g. never approved through the queue) are left alone."""
    task = task_for_instance(instance)
    if task is None or not can_transition(task, S.CHANGES_REQUESTED):
        return None
    return transition(
        task, S.CHANGES_REQUESTED, user=user, comment=comment or "Changes requested in a workflow"
    )


# --- Assignment -----------------------------------------------------------------------------


def assign(tasks, *, user=None, team=None, due_date=None, by=None) -> int:
    """Assign tasks to a user and/or a team; notifies a newly assigned user once."""
    from . import notifications

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


def record_bulk_change(task, *, user=None, machine=False, to_state=None, comment="") -> None:
    """After many segments of one task changed at once (machine translation, import)."""
    task.refresh_from_db()
    refresh_progress([task])
    task.last_activity_at = timezone.now()
    if user is not None and not machine:
        task.last_translator = user
    task.save(update_fields=["last_activity_at", "last_translator"])
    target = to_state or (S.MACHINE_DRAFT if machine else S.IN_PROGRESS)
    if task.state != target and can_transition(task, target):
        transition(task, target, user=user, comment=comment or "Segments updated in bulk")


# --- Review and publishing ------------------------------------------------------------------


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
    from . import qa
    from .models import LocalePolicy

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
    from .permissions import can_publish

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
    from .permissions import can_review

    if not can_review(user, task.target_locale_id):
        raise QueueError(f"You may not review {task.target_locale} translations.")


def _move(task, to_state, user, comment):
    if not can_transition(task, to_state):
        raise QueueError(
            f"“{task}” is {S(task.state).label.lower()} and cannot become {S(to_state).label.lower()}."
        )
    transition(task, to_state, user=user, comment=comment)
