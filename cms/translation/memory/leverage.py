"""Leverage: how many of a task's source words are new, fuzzy (best memory match 75–99 %) or
exact (100 %), counted like ``services.progress`` counts words. Stored per task so the queue can
list it without looking anything up."""

from django.utils import timezone
from wagtail_localize.models import StringSegment

from . import lookup, text
from .models import TaskLeverage


def compute(task, sources=None) -> TaskLeverage:
    """``sources``: the texts of the task's source segments in order, if already read."""
    if sources is None:
        sources = list(
            StringSegment.objects.filter(source_id=task.source_id)
            .order_by("order")
            .values_list("string__data", flat=True)
        )
    found = lookup.matches(sources, task.source_locale_id, task.target_locale_id)
    leverage, _ = TaskLeverage.objects.update_or_create(
        task=task, defaults={**_counts(sources, found), "computed_at": timezone.now()}
    )
    return leverage


def compute_many(tasks_and_sources) -> None:
    """``compute(task, sources)`` for each (task, sources) pair, in a number of queries that
    grows with the locale pairs and the texts (one look-up per BATCH texts), not the tasks.

    A text's matches do not depend on the texts looked up with it, so looking up the texts of
    many tasks of a locale pair at once finds what one look-up per task finds."""
    latest = {task.pk: (task, sources) for task, sources in tasks_and_sources}  # once a task
    by_pair = {}
    for task, sources in latest.values():
        pair = (task.source_locale_id, task.target_locale_id)
        by_pair.setdefault(pair, []).append((task, sources))
    counts = {}
    for (source_locale_id, target_locale_id), group in by_pair.items():
        for batch in _batches(group):
            texts = [source for _, sources in batch for source in sources]
            found = iter(lookup.matches(texts, source_locale_id, target_locale_id))
            for task, sources in batch:
                counts[task.pk] = _counts(sources, [next(found) for _ in sources])
    now = timezone.now()
    existing = TaskLeverage.objects.in_bulk(counts, field_name="task_id")
    for task_id, row in existing.items():
        for name, value in counts[task_id].items():
            setattr(row, name, value)
        row.computed_at = now
    TaskLeverage.objects.bulk_update(existing.values(), [*COUNTS, "computed_at"], batch_size=500)
    TaskLeverage.objects.bulk_create(
        [
            TaskLeverage(task_id=task_id, computed_at=now, **row)
            for task_id, row in counts.items()
            if task_id not in existing
        ],
        batch_size=500,
    )


COUNTS = ["new_words", "fuzzy_words", "exact_words"]
BATCH = 500  # texts per look-up: keeps each query's parameters well under SQLite's limit


def _batches(group):
    batch, size = [], 0
    for task, sources in group:
        if batch and size + len(sources) > BATCH:
            yield batch
            batch, size = [], 0
        batch.append((task, sources))
        size += len(sources)
    if batch:
        yield batch


def _counts(sources, found) -> dict[str, int]:
    counts = dict.fromkeys(COUNTS, 0)
    for source, matches in zip(sources, found, strict=True):
        kind = "new" if not matches else "exact" if matches[0].exact else "fuzzy"
        counts[f"{kind}_words"] += text.words(source)
    return counts


def for_source(source_id) -> list[TaskLeverage]:
    """A submission's leverage per target locale (stored values)."""
    return list(
        TaskLeverage.objects.filter(task__source_id=source_id)
        .select_related("task__target_locale")
        .order_by("task__target_locale__language_code")
    )
