"""Keeping approved and published work: ``record_task`` adds a task's translated segments
(page and snippet fields, StreamField blocks, a video's subtitle cues) to the memory."""

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone
from wagtail_localize.models import StringSegment, StringTranslation

from . import text
from .models import MemoryBand, MemoryEntry


@dataclass
class Pair:
    source: str
    target: str
    origin_path: str = ""


def pairs_for_task(task, segments=None) -> list[Pair]:
    """The task's segments that have a translation, in order (two queries; one if its source
    ``segments`` are given, in order, with their strings and contexts)."""
    done = {
        (string_id, context_id): data
        for string_id, context_id, data in StringTranslation.objects.filter(
            context__object_id=task.source.object_id, locale_id=task.target_locale_id
        ).values_list("translation_of_id", "context_id", "data")
    }
    if segments is None:
        segments = StringSegment.objects.filter(source_id=task.source_id).select_related(
            "string", "context"
        )
        segments = segments.order_by("order")
    pairs = []
    for segment in segments:
        target = done.get((segment.string_id, segment.context_id), "")
        if target.strip():
            pairs.append(Pair(segment.string.data, target, segment.context.path))
    return pairs


def record_task(task, user=None, pairs=None) -> int:
    """Add ``task``'s translations (its ``pairs_for_task`` unless given) to the memory; returns
    how many entries are new."""
    origin = {
        "origin_type_id": task.content_type_id,
        "origin_id": str(task.source.object_id),
        "origin_label": task.title[:255],
    }
    if pairs is None:
        pairs = pairs_for_task(task)
    return record_pairs(pairs, task.source_locale_id, task.target_locale_id, user, origin)


def record_pairs(pairs, source_locale_id, target_locale_id, user=None, origin=None) -> int:
    """Add (source, target) pairs into one locale. A pair already kept only has its date, user
    and origin brought up to date. Safe against a parallel writer (retries once)."""
    try:
        with transaction.atomic():
            return _record(pairs, source_locale_id, target_locale_id, user, origin or {})
    except IntegrityError:  # another process added one of them meanwhile
        with transaction.atomic():
            return _record(pairs, source_locale_id, target_locale_id, user, origin or {})


def _record(pairs, source_locale_id, target_locale_id, user, origin) -> int:
    now = timezone.now()
    wanted = {}
    for pair in pairs:
        norm = text.normalise(pair.source)
        if not norm or not pair.target.strip():
            continue
        wanted.setdefault((text.digest(norm), text.digest(pair.target)), (pair, norm))
    if not wanted:
        return 0
    existing = {
        (entry.source_hash, entry.target_hash): entry
        for entry in MemoryEntry.objects.filter(
            source_locale_id=source_locale_id,
            target_locale_id=target_locale_id,
            source_hash__in={source_hash for source_hash, _ in wanted},
        )
    }
    fresh, touched = [], []
    for key, (pair, norm) in wanted.items():
        fields = {
            "updated_at": now,
            "user_id": getattr(user, "pk", None),
            "origin_path": pair.origin_path[:255],
            **origin,
        }
        entry = existing.get(key)
        if entry is None:
            fresh.append(
                MemoryEntry(
                    source_locale_id=source_locale_id,
                    target_locale_id=target_locale_id,
                    source_text=pair.source,
                    source_norm=norm,
                    source_hash=key[0],
                    target_text=pair.target,
                    target_hash=key[1],
                    words=text.words(norm),
                    trigrams=len(text.trigrams(norm)),
                    created_at=now,
                    **fields,
                )
            )
        else:
            for name, value in fields.items():
                setattr(entry, name, value)
            touched.append(entry)
    MemoryEntry.objects.bulk_create(fresh, batch_size=500)
    add_bands(fresh)
    if touched:
        MemoryEntry.objects.bulk_update(touched, [*fields.keys()], batch_size=500)
    return len(fresh)


def add_bands(entries) -> None:
    """The look-up keys of freshly created entries (their pks must be set)."""
    MemoryBand.objects.bulk_create(
        [
            MemoryBand(entry_id=entry.pk, key=key)
            for entry in entries
            for key in text.band_keys(text.trigrams(entry.source_norm), entry.target_locale_id)
        ],
        batch_size=2000,
    )
