"""When a source changes: tasks whose locale lacks a translation of a changed segment become
stale, and each such segment's previous translation is kept as a suggestion."""

from django.db import transaction
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

from ..models import SegmentSuggestion, TaskState, TranslationTask
from .progress import refresh_progress, source_segments, translated
from .workflow import transition


@transaction.atomic
def sync_source(source: TranslationSource, user=None) -> dict[int, int]:
    """Re-read the source from the database and mark the tasks it makes stale (recording how
    many segments changed). Returns {task id: changed segments} for the tasks made stale."""
    before = dict(
        StringSegment.objects.filter(source=source).values_list("context_id", "string_id")
    )
    source.update_from_db()
    segments = source_segments(source.pk)
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
    done = translated(source, [t.target_locale_id for t in tasks])
    previous = _previous_translations(source, changed, before, [t.target_locale_id for t in tasks])
    made_stale = {}
    for task in tasks:
        have = done.get(task.target_locale_id, {})
        missing = [s for s in changed if (s.string_id, s.context_id) not in have]
        if not missing or task.state == TaskState.UNTRANSLATED:
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
        if task.state == TaskState.STALE:
            task.stale_segments += len(missing)
            task.save(update_fields=["stale_segments"])
        else:
            transition(task, TaskState.STALE, user=user, comment=comment)
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
