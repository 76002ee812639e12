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


def pairs_for_task(task, segments=None, done=None) -> list[Pair]:
    """The task's segments that have a translation, in order (two queries; none if its source
    ``segments`` are given, in order, with their strings and contexts, and ``done``: the
    ``translations_into`` of its target locale)."""
    if done is None:
        done = translations_into([task.source.object_id], task.target_locale_id)
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


def translations_into(object_ids, locale_id) -> dict[tuple[int, int], str]:
    """The string translations of the objects into one locale, by (string, context)."""
    return {
        (string_id, context_id): data
        for string_id, context_id, data in StringTranslation.objects.filter(
            context__object_id__in=set(object_ids), locale_id=locale_id
        ).values_list("translation_of_id", "context_id", "data")
    }


def record_task(task, user=None, pairs=None) -> int:
    """Add ``task``'s translations (its ``pairs_for_task`` unless given) to the memory; returns
    how many entries are new."""
    return record_tasks([(task, user, pairs)])


def record_tasks(calls) -> int:
    """``record_task(task, user, pairs)`` for each (task, user, pairs) of ``calls``, in order,
    with one read and one write of the memory per locale pair (entries of different locale
    pairs never meet, so the calls of each pair keep their order among themselves)."""
    by_pair = {}
    for task, user, pairs in calls:
        if pairs is None:
            pairs = pairs_for_task(task)
        origin = {
            "origin_type_id": task.content_type_id,
            "origin_id": str(task.source.object_id),
            "origin_label": task.title[:255],
        }
        key = (task.source_locale_id, task.target_locale_id)
        by_pair.setdefault(key, []).append((pairs, user, origin))
    return sum(_record_safely(group, *key) for key, group in by_pair.items())


def record_pairs(pairs, source_locale_id, target_locale_id, user=None, origin=None) -> int:
    """Add (source, target) pairs into one locale. A pair already kept only has its date, user
    and origin brought up to date. Safe against a parallel writer (retries once)."""
    return _record_safely([(pairs, user, origin or {})], source_locale_id, target_locale_id)


def _record_safely(calls, source_locale_id, target_locale_id) -> int:
    try:
        with transaction.atomic():
            return _record(calls, source_locale_id, target_locale_id)
    except IntegrityError:  # another process added one of them meanwhile
        with transaction.atomic():
            return _record(calls, source_locale_id, target_locale_id)


def _record(calls, source_locale_id, target_locale_id) -> int:
    """``calls``: (pairs, user, origin) in order. A pair's entry is made from its first call
    (texts) and ends with the date, user and origin of its last, as calls one by one leave it."""
    now = timezone.now()
    wanted = {}  # (source hash, target hash) -> [first pair, its norm, the last call's fields]
    for pairs, user, origin in calls:
        seen = set()
        for pair in pairs:
            norm = text.normalise(pair.source)
            if not norm or not pair.target.strip():
                continue
            key = (text.digest(norm), text.digest(pair.target))
            if key in seen:  # within one call the first pair of a key is the one kept
                continue
            seen.add(key)
            fields = {
                "updated_at": now,
                "user_id": getattr(user, "pk", None),
                "origin_path": pair.origin_path[:255],
                **origin,
            }
            if key in wanted:
                wanted[key][2] = fields
            else:
                wanted[key] = [pair, norm, fields]
    if not wanted:
        return 0
    source_hashes = sorted({source_hash for source_hash, _ in wanted})
    existing = {}
    for start in range(0, len(source_hashes), 500):  # within SQLite's parameter limit
        for entry in MemoryEntry.objects.filter(
            source_locale_id=source_locale_id,
            target_locale_id=target_locale_id,
            source_hash__in=source_hashes[start : start + 500],
        ):
            existing[(entry.source_hash, entry.target_hash)] = entry
    fresh, touched = [], []
    for key, (pair, norm, fields) in wanted.items():
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
        names = sorted({name for _, _, fields in wanted.values() for name in fields})
        MemoryEntry.objects.bulk_update(touched, names, batch_size=500)
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
