"""Import XLIFF 2 / PO files (alone or zipped) with a per-unit report. All or nothing: if any
file is unusable, nothing is imported and the report says which file and why."""

import uuid
from dataclasses import dataclass, field

from django.db import transaction
from wagtail_localize.models import StringTranslation

from .. import permissions
from ..models import TaskState, TranslationTask
from ..services import writing
from . import archive, po, xliff
from .xliff import ExchangeError

MAX_BYTES = 20 * 1024 * 1024


@dataclass
class FileReport:
    name: str
    task: TranslationTask | None = None
    units: list[tuple[str, str]] = field(default_factory=list)  # (unit id, outcome)

    @property
    def changed(self) -> int:
        return sum(outcome in ("created", "updated") for _, outcome in self.units)


def _files(upload_name: str, data: bytes) -> list[tuple[str, bytes]]:
    if not data:
        raise ExchangeError(f"{upload_name}: the file is empty.")
    if len(data) > MAX_BYTES:
        raise ExchangeError(f"{upload_name}: larger than {MAX_BYTES // 1024 // 1024} MB.")
    if archive.is_zip(data):
        return archive.read_members(upload_name, data)
    return [(upload_name, data)]


def _parse(name: str, data: bytes):
    if b"\x00" in data:
        raise ExchangeError(f"{name}: binary data, not an XLIFF or PO file.")
    if name.endswith((".xlf", ".xliff")):
        return xliff.read(data, name)
    if name.endswith(".po"):
        return po.read(data, name)
    raise ExchangeError(f"{name}: unknown file type; upload .xlf, .po or a .zip of them.")


def check(upload_name: str, data: bytes, user, progress=None) -> list[tuple]:
    """Parse every file and check it belongs to a translation ``user`` may work on; writes
    nothing. Returns ``[(file name, task, units)]``; raises ExchangeError on the first bad file."""
    parsed = []
    files = _files(upload_name, data)
    for name, content in files:
        translation_uuid, language, units = _parse(name, content)
        task = (
            permissions.visible_tasks(user, TranslationTask.objects.select_related("source"))
            .filter(translation__uuid=translation_uuid)
            .select_related("target_locale")
            .first()
            if _is_uuid(translation_uuid)
            else None
        )
        if task is None or not permissions.can_translate(user, task.target_locale_id):
            raise ExchangeError(f"{name}: it belongs to no translation you may work on.")
        if language and language != task.target_locale.language_code:
            raise ExchangeError(
                f"{name}: written for “{language}” but its translation is into "
                f"“{task.target_locale.language_code}”."
            )
        parsed.append((name, task, units))
        if progress:
            progress(len(parsed), len(files))
    return parsed


def import_upload(upload_name: str, data: bytes, user, progress=None) -> list[FileReport]:
    """Check every file, then import them all in one transaction (all or nothing)."""
    parsed = check(upload_name, data, user, progress)
    with transaction.atomic():
        return [_apply(name, task, units, user) for name, task, units in parsed]


def _is_uuid(value) -> bool:
    try:
        uuid.UUID(str(value))
    except ValueError:
        return False
    return True


def _apply(name, task, units, user) -> FileReport:
    report = FileReport(name, task)
    segments = writing.segments_by_path(task.translation)
    existing = {
        (string, context): data
        for string, context, data in StringTranslation.objects.filter(
            context__object_id=task.source.object_id, locale_id=task.target_locale_id
        ).values_list("translation_of_id", "context_id", "data")
    }
    texts, unreviewed = {}, False
    for unit_id, source, target, needs_review in units:
        segment = segments.get(unit_id)
        if segment is None:
            report.units.append((unit_id, "error: no such segment (content changed?)"))
            continue
        if segment.string.data != source:
            report.units.append((unit_id, "error: source text changed since export"))
            continue
        if not target.strip():
            report.units.append((unit_id, "skipped: no translation"))
            continue
        current = existing.get((segment.string_id, segment.context_id))
        if current == target:
            report.units.append((unit_id, "unchanged"))
            continue
        texts[segment] = target
        unreviewed = unreviewed or needs_review
        report.units.append((unit_id, "updated" if current is not None else "created"))
    if not texts:
        return report
    try:
        writing.write_strings(
            task.translation,
            texts,
            user,
            origin=writing.Origin.IMPORT,
            tool_name="XLIFF" if name.endswith((".xlf", ".xliff")) else "PO file",
            to_state=TaskState.NEEDS_REVIEW if unreviewed else TaskState.IN_PROGRESS,
            comment=f"Imported {report.changed} segment(s) from {name}",
        )
    except writing.RefusedText as error:
        raise ExchangeError(f"{name}: {error}") from error
    return report
