"""Bulk-applying exact memory matches to a task's untranslated segments.

Applied segments are written through the one write path (``services.writing``) as manual
translations with the tool name "Translation memory"; the task moves to "needs review" once nothing is left to translate (in progress
otherwise), so memory output is reviewed like any other work and is never published directly.
"""

from wagtail_localize.models import StringSegment, StringTranslation

from cms import bidi

from ..models import TaskState
from ..services import writing
from . import lookup

TOOL_NAME = writing.TOOL_NAMES[writing.Origin.MEMORY]


def exact_candidates(task) -> tuple[list[tuple[StringSegment, str]], int]:
    """([(untranslated segment, the newest exact match's text)] in segment order, how many
    segments are untranslated)."""
    done = set(
        StringTranslation.objects.filter(
            context__object_id=task.source.object_id, locale_id=task.target_locale_id
        ).values_list("translation_of_id", "context_id")
    )
    segments = [
        segment
        for segment in StringSegment.objects.filter(source_id=task.source_id)
        .select_related("string", "context")
        .order_by("order")
        if (segment.string_id, segment.context_id) not in done
    ]
    found = lookup.matches(
        [s.string.data for s in segments],
        task.source_locale_id,
        task.target_locale_id,
        fuzzy=False,
    )
    # A stored text with unsafe bidi controls (from a TMX import) is never applied.
    chosen = [
        (segment, matches[0].entry.target_text)
        for segment, matches in zip(segments, found, strict=True)
        if matches and bidi.summary(matches[0].entry.target_text) is None
    ]
    return chosen, len(segments)


def apply_exact(task, user) -> int:
    """Fill ``task``'s untranslated segments that have an exact match; returns how many."""
    chosen, untranslated = exact_candidates(task)
    if not chosen:
        return 0
    complete = untranslated == len(chosen)
    writing.write_strings(
        task.translation,
        dict(chosen),
        user,
        origin=writing.Origin.MEMORY,
        only_missing=True,
        to_state=TaskState.NEEDS_REVIEW if complete else TaskState.IN_PROGRESS,
        comment=f"{len(chosen)} segment(s) filled from the translation memory; review them",
    )
    return len(chosen)
