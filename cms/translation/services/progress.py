"""Tasks of wagtail-localize translations and their progress: segments and words, in total and
still to do, recounted whenever segments change (one by one, or in bulk)."""

from collections import defaultdict
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.html import strip_tags
from wagtail.models import DraftStateMixin
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from ..memory.background import refresh_leverage
from ..models import TaskState, TaskTransition, TranslationTask
from .assignment import default_team, default_teams
from .workflow import can_transition, transition

S = TaskState


def _words(text: str) -> int:
    return len(strip_tags(text).split())


@dataclass
class Segment:
    string_id: int
    context_id: int
    words: int


def source_segments(source_id) -> list[Segment]:
    rows = StringSegment.objects.filter(source_id=source_id).values_list(
        "string_id", "context_id", "string__data"
    )
    return [Segment(string, context, _words(data)) for string, context, data in rows]


def translated(source, locale_ids) -> dict[int, dict[tuple[int, int], str]]:
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
    segments = source_segments(source.pk) if segments is None else segments
    done = translated(source, [t.target_locale_id for t in tasks])
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
    if len(tasks) == 1:  # each editor write: a plain UPDATE, 8× cheaper than bulk_update's CASE
        task = tasks[0]
        counts = {name: getattr(task, name) for name in PROGRESS_FIELDS}
        TranslationTask.objects.filter(pk=task.pk).update(**counts)
    else:
        TranslationTask.objects.bulk_update(tasks, PROGRESS_FIELDS)


PROGRESS_FIELDS = [
    "segments_total",
    "segments_remaining",
    "words_total",
    "words_remaining",
    "machine_segments",
]


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
            "assignee_team": default_team(translation.target_locale_id),
        },
    )
    if not created:
        return task, False
    refresh_progress([task])
    initial = _initial_state(task, translation)
    if initial != S.UNTRANSLATED:
        task.state = initial
        task.save(update_fields=["state"])
    TaskTransition.objects.create(
        task=task, from_state="", to_state=initial, user=user, comment="Submitted for translation"
    )
    return task, True


def _initial_state(task, translation) -> str:
    """A new task's state from its counted segments: untranslated, machine draft, in progress,
    or published when every segment is translated by people and the target is live."""
    if task.segments_remaining >= task.segments_total:  # nothing translated yet
        return S.UNTRANSLATED
    if task.machine_segments:
        return S.MACHINE_DRAFT
    if task.segments_remaining == 0 and _target_is_live(translation):
        return S.PUBLISHED
    return S.IN_PROGRESS


def ensure_tasks(source, translations, user=None) -> list[TranslationTask]:
    """``ensure_task`` for many translations of ``source`` at once (bulk-created translations
    send no ``post_save``): the missing tasks made with one count of the source's segments."""
    translations = list(translations)
    have = set(
        TranslationTask.objects.filter(translation__in=translations).values_list(
            "translation_id", flat=True
        )
    )
    missing = [t for t in translations if t.pk not in have]
    if not missing:
        return []
    teams = default_teams({t.target_locale_id for t in missing})
    tasks = TranslationTask.objects.bulk_create(
        TranslationTask(
            translation=translation,
            source=source,
            content_type_id=source.specific_content_type_id,
            title=source.object_repr[:255],
            source_locale_id=source.locale_id,
            target_locale_id=translation.target_locale_id,
            assignee_team=teams.get(translation.target_locale_id),
        )
        for translation in missing
    )
    refresh_progress(tasks)
    started = []
    for task, translation in zip(tasks, missing, strict=True):
        initial = _initial_state(task, translation)
        if initial != S.UNTRANSLATED:
            task.state = initial
            started.append(task)
    TranslationTask.objects.bulk_update(started, ["state"])
    TaskTransition.objects.bulk_create(
        TaskTransition(
            task=task,
            from_state="",
            to_state=task.state,
            user=user,
            comment="Submitted for translation",
        )
        for task in tasks
    )
    # What the post_save of each new task does (memory.signal_handlers): leverage, on commit.
    ids = [task.pk for task in tasks]
    transaction.on_commit(lambda: [refresh_leverage.enqueue(pk) for pk in ids])
    return tasks


def record_change(task, *, user=None, machine=False, to_state=None, comment="") -> None:
    """After segments of one task changed (once per write, however many segments): recount
    and move its state. Machine output never overtakes human work; a reviewer's corrections
    keep the task in review."""
    task.refresh_from_db()
    refresh_progress([task])
    task.last_activity_at = timezone.now()
    if user is not None and not machine:
        task.last_translator = user
    task.save(update_fields=["last_activity_at", "last_translator"])
    target = to_state or (S.MACHINE_DRAFT if machine else S.IN_PROGRESS)
    if to_state is None and not machine and task.state == S.NEEDS_REVIEW:
        return
    if task.state != target and can_transition(task, target):
        transition(task, target, user=user, comment=comment or "Segments updated")
