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
    counts = {"new_words": 0, "fuzzy_words": 0, "exact_words": 0}
    for source, matches in zip(sources, found, strict=True):
        kind = "new" if not matches else "exact" if matches[0].exact else "fuzzy"
        counts[f"{kind}_words"] += text.words(source)
    leverage, _ = TaskLeverage.objects.update_or_create(
        task=task, defaults={**counts, "computed_at": timezone.now()}
    )
    return leverage


def for_source(source_id) -> list[TaskLeverage]:
    """A submission's leverage per target locale (stored values)."""
    return list(
        TaskLeverage.objects.filter(task__source_id=source_id)
        .select_related("task__target_locale")
        .order_by("task__target_locale__language_code")
    )
