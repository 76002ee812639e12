"""The one way translated text enters wagtail-localize.

Every writer (the translation editor, PO/XLIFF imports, machine translation, translation memory,
subtitle files, the demo) calls ``write_strings``: it checks the user's locale-team rights,
writes the texts in bulk, recounts the task once and never publishes (publishing is
``publishing.publish_translation``, after review). ``tests/test_architecture.py`` keeps other
modules from writing ``StringTranslation`` rows themselves.
"""

from collections.abc import Mapping
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from wagtail.models import Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationContext,
)

from cms import bidi

from .. import permissions
from ..models import TranslationTask
from . import progress


class Origin:
    """Where the text came from; kept as the rows' ``tool_name`` where it says something."""

    EDITOR = "editor"
    IMPORT = "import"
    MACHINE = "machine"
    SUBTITLES = "subtitles"
    DEMO = "demo"
    MEMORY = "memory"


TOOL_NAMES = {
    Origin.EDITOR: "",
    Origin.SUBTITLES: "Subtitle file",
    Origin.DEMO: "",
    Origin.MEMORY: "Translation memory",
}


class RefusedText(ValueError):
    """Texts that may never be stored (unbalanced or overriding bidi controls, ``cms.bidi``):
    nothing of the write is stored. ``problems`` names each segment by its path."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__(" ".join(problems))


@dataclass
class WriteResult:
    task: TranslationTask
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    cleared: int = 0

    @property
    def changed(self) -> int:
        return self.created + self.updated + self.cleared


def check_rights(user, translation: Translation) -> None:
    """``user`` None is the system (demo, management commands); anyone else needs the locale."""
    if user is None:
        return
    if not user.is_authenticated or not permissions.can_translate(
        user, translation.target_locale_id
    ):
        raise PermissionDenied(f"You cannot work on {translation.target_locale} translations.")


def segments_by_path(translation: Translation) -> dict[str, StringSegment]:
    """The translation's source segments keyed by their path (``title``, ``cues.<id>.text``)."""
    return {
        segment.context.path: segment
        for segment in StringSegment.objects.filter(source_id=translation.source_id).select_related(
            "string", "context"
        )
    }


@transaction.atomic
def write_strings(
    translation: Translation,
    texts: Mapping[StringSegment, str | None],
    user,
    *,
    origin: str,
    tool_name: str | None = None,
    only_missing: bool = False,
    to_state: str | None = None,
    comment: str = "",
) -> WriteResult:
    """Store ``texts`` ({source segment: text}) as ``translation``'s target texts.

    A text of ``None`` or ``""`` clears the segment. A text with unsafe bidi controls raises
    ``RefusedText`` before anything is written. ``only_missing`` leaves translated segments
    alone (machine pre-translation). ``to_state`` moves the task there if allowed (an import of
    finished work goes to review); otherwise the task follows its edits (``progress``).
    """
    check_rights(user, translation)
    machine = origin == Origin.MACHINE
    kind = (
        StringTranslation.TRANSLATION_TYPE_MACHINE
        if machine
        else StringTranslation.TRANSLATION_TYPE_MANUAL
    )
    tool = TOOL_NAMES.get(origin, origin) if tool_name is None else tool_name
    actor = user if user is not None and user.is_authenticated else None
    wanted, refused = {}, []
    for segment, text in texts.items():
        if segment.source_id != translation.source_id:
            raise ValueError(f"Segment {segment.pk} is not part of {translation}.")
        wanted[(segment.string_id, segment.context_id)] = text or ""
        if problem := bidi.summary(text or ""):
            refused.append(f"{segment.context.path}: {problem}")
    if refused:
        raise RefusedText(refused)
    locale_id = translation.target_locale_id
    existing = {
        (row.translation_of_id, row.context_id): row
        for row in StringTranslation.objects.filter(
            locale_id=locale_id,
            context_id__in={context for _, context in wanted},
            translation_of_id__in={string for string, _ in wanted},
        )
    }
    task, _ = progress.ensure_task(translation, actor)
    result = WriteResult(task)
    now = timezone.now()
    changed, created, cleared = [], [], []
    for key, text in wanted.items():
        row = existing.get(key)
        if not text:
            if row is not None:
                cleared.append(row.pk)
            continue
        if row is not None and (only_missing or (row.data == text and not row.has_error)):
            result.unchanged += 1
            continue
        if row is None:
            created.append(
                StringTranslation(
                    translation_of_id=key[0],
                    context_id=key[1],
                    locale_id=locale_id,
                    data=text,
                    translation_type=kind,
                    tool_name=tool,
                    last_translated_by=actor,
                )
            )
            continue
        row.data, row.translation_type, row.tool_name = text, kind, tool
        row.last_translated_by, row.has_error, row.field_error = actor, False, ""
        row.updated_at = now
        changed.append(row)
    fields = ["data", "translation_type", "tool_name", "last_translated_by", "updated_at"]
    StringTranslation.objects.bulk_update(changed, [*fields, "has_error", "field_error"])
    StringTranslation.objects.bulk_create(created)
    if cleared:
        StringTranslation.objects.filter(pk__in=cleared).delete()
    result.created, result.updated, result.cleared = len(created), len(changed), len(cleared)
    _sync_draft_title(translation, texts)
    if result.changed or to_state:
        progress.record_change(
            task,
            user=actor,
            machine=machine,
            to_state=to_state,
            comment=comment or f"{result.changed} segment(s) changed ({origin})",
        )
    return result


def _sync_draft_title(translation: Translation, texts) -> None:
    # wagtail-localize keeps a page's draft title in step from a post_save signal, which bulk
    # writes do not send: do the same here.
    by_context = {segment.context_id: text for segment, text in texts.items()}
    title = TranslationContext.objects.filter(pk__in=by_context, path="title").first()
    if title is None:
        return
    pages = Page.objects.filter(
        translation_key=translation.source.object_id, locale_id=translation.target_locale_id
    )
    text = by_context[title.pk]
    pages.update(draft_title=text) if text else pages.update(draft_title=F("title"))
