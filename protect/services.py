"""Writes of the video pages: importing a subtitle file, the one service the admin, the
``import_subtitles`` command and the demo use.

- A file in the video's source language replaces its cues (a new revision; published on request).
  Cues whose times are unchanged keep their block ids, so their translations survive.
- A file in any other language must have the cue count and timings of the source's latest
  revision (published: translations are made from the live source); its texts go through the
  translation queue's one write path (``cms.translation.services.writing``) as that language's
  translation, saved as a draft and sent for review. It is never published from here.
- A rejected file changes nothing (everything happens in one transaction, after all checks).
"""

import uuid
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from cms import languages
from cms.issues import Issue
from cms.subtitles import Cue, SubtitleFileError, parse_subtitles
from cms.translation import permissions
from cms.translation.models import TaskState
from cms.translation.services import review, writing
from protect.models import SubtitleImport, VideoPage
from protect.selectors import source_page
from protect.track_matching import first_mismatch


class SubtitleImportError(Exception):
    """The file was rejected; ``errors`` says what is wrong and where. Nothing was changed."""

    def __init__(self, errors: list[Issue]):
        self.errors = errors
        super().__init__(str(SubtitleFileError(errors)))


@dataclass
class ImportResult:
    language: str
    cue_count: int
    source_format: str
    warnings: list[Issue] = field(default_factory=list)
    replaced_source: bool = False
    published: bool = False
    # What the editor still has to do, if anything ("publish the page to …").
    note: str = ""


def import_subtitles(
    page: VideoPage,
    language: str,
    data: bytes,
    *,
    filename: str = "",
    user=None,
    publish: bool = False,
) -> ImportResult:
    """Check ``data`` and store it as the ``language`` track of ``page``'s video.

    Raises ``SubtitleImportError`` (with line-numbered issues) when the file is rejected.
    """
    locale = Locale.objects.filter(language_code=language).first()
    if locale is None:
        raise _error(
            "unknown_language",
            f"'{language}' is not one of the site's languages ({', '.join(languages.codes())}).",
        )
    source = source_page(page)
    _check_rights(user, source, locale)
    try:
        parsed = parse_subtitles(
            data,
            language=language,
            video_duration_ms=source.duration_ms,
            filename=filename,
        )
    except SubtitleFileError as exc:
        raise SubtitleImportError(exc.errors) from exc

    with transaction.atomic():
        if locale.pk == source.locale_id:
            result = _import_source(source, parsed.cues, user=user, publish=publish)
        else:
            result = _import_target(source, locale, parsed.cues, user=user)
        result.warnings = parsed.warnings
        result.source_format = parsed.source_format
        SubtitleImport.objects.update_or_create(
            translation_key=page.translation_key,
            locale=locale,
            defaults={
                "file_name": filename[:255] or f"{language}.{parsed.source_format}",
                "source_format": parsed.source_format,
                "cue_count": len(parsed.cues),
                "warnings": [
                    {"line": w.line, "code": w.code, "message": w.message} for w in parsed.warnings
                ],
                "imported_by": user if user and user.is_authenticated else None,
            },
        )
    return result


def _check_rights(user, source: VideoPage, locale: Locale) -> None:
    """Editors of the page replace its source cues; translators only fill their locales."""
    if user is None:  # the command line and the demo
        return
    if locale.pk == source.locale_id:
        if permissions.is_translator(user) or not source.permissions_for_user(user).can_edit():
            raise PermissionDenied(
                f"Only editors of “{source.title}” may replace its {_name(locale.language_code)} "
                "subtitles."
            )
    elif not permissions.can_translate(user, locale.pk):
        raise PermissionDenied(f"You cannot work on {_name(locale.language_code)} translations.")


# --- source language ------------------------------------------------------------------------
def _import_source(source: VideoPage, cues: list[Cue], *, user, publish: bool) -> ImportResult:
    draft = source.get_latest_revision_as_object()
    # Re-use the block id of a cue whose times did not change: wagtail-localize keys each
    # translated text by that id, so unchanged cues keep their translations.
    ids_by_time: dict[tuple[int, int], list[str]] = {}
    for item in draft.cues.raw_data:
        value = item["value"]
        ids_by_time.setdefault((value["start_ms"], value["end_ms"]), []).append(item["id"])
    draft.cues = [
        {
            "type": "cue",
            "id": _pop(ids_by_time.get((cue.start_ms, cue.end_ms))) or str(uuid.uuid4()),
            "value": {
                "start_ms": cue.start_ms,
                "end_ms": cue.end_ms,
                "text": cue.text,
                "settings": cue.settings,
            },
        }
        for cue in cues
    ]
    try:
        revision = draft.save_revision(user=user, log_action=True)
    except ValidationError as exc:
        raise _error("invalid_page", "The page cannot be saved: " + _messages(exc)) from exc
    result = ImportResult(
        language=source.locale.language_code,
        cue_count=len(cues),
        source_format="",
        replaced_source=True,
    )
    if not publish:
        result.note = "Saved as a draft: publish the page to show the new subtitles."
        return result
    revision.publish(user=user)
    result.published = True
    live = VideoPage.objects.get(pk=source.pk)
    if TranslationSource.objects.filter(object_id=source.translation_key).exists():
        # Send the new cues to translators (like "Sync translated pages"); the translated
        # pages change when each translation is published again.
        TranslationSource.update_or_create_from_instance(live)
    return result


def _pop(ids: list[str] | None) -> str | None:
    return ids.pop(0) if ids else None


# --- other languages ------------------------------------------------------------------------
def _import_target(source: VideoPage, locale: Locale, cues: list[Cue], *, user) -> ImportResult:
    # The file is checked against the source's latest revision (what the editor just saved);
    # translations are made from the live source, so a draft must be published first.
    draft = source.get_latest_revision_as_object()
    reference = _sorted_cues(draft)
    source_name = _name(source.locale.language_code)
    if not reference:
        raise _error(
            "no_source_cues",
            f"The {source_name} source of this video has no subtitles yet: import those first.",
        )
    mismatch = first_mismatch(cues, [item["value"] for item in reference], source_name)
    if mismatch is not None:
        raise SubtitleImportError([mismatch])
    live = VideoPage.objects.get(pk=source.pk)
    if not live.live or _timings(live) != _timings(draft):
        raise _error(
            "source_not_published",
            f"This file matches the {source_name} draft of “{source.title}”, which is not "
            f"published yet: publish the {source_name} page first (Subtitles → {source_name} → "
            "upload with “Publish now”, or publish it in the page editor), then upload again.",
        )
    reference = _sorted_cues(live)
    translation_source, _ = TranslationSource.update_or_create_from_instance(live)
    translation, _ = Translation.objects.get_or_create(
        source=translation_source, target_locale=locale, defaults={"enabled": True}
    )
    if not translation.enabled:
        translation.enabled = True
        translation.save(update_fields=["enabled"])
    segments = writing.segments_by_path(translation)
    texts = {
        segments[f"cues.{item['id']}.text"]: cue.text
        for item, cue in zip(reference, cues, strict=True)
        if f"cues.{item['id']}.text" in segments
    }
    texts.update(_source_slug(translation, segments))
    written = writing.write_strings(
        translation, texts, user, origin=writing.Origin.SUBTITLES, comment="Subtitle file imported"
    )
    # Never published from here: the translation waits as a draft for review in the queue.
    translation.save_target(user=user, publish=False)
    task = written.task
    task.refresh_from_db()
    result = ImportResult(language=locale.language_code, cue_count=len(cues), source_format="")
    if task.segments_remaining:
        result.note = (
            f"Saved as a draft: {task.segments_remaining} other text(s) of the page (title, "
            "description…) still need translating before review."
        )
        return result
    if task.state != TaskState.NEEDS_REVIEW:
        try:
            review.request_review(task, user)
        except review.QueueError as error:
            result.note = "Saved as a draft; " + " ".join(error.messages)
            return result
    result.note = "Saved as a draft and sent for review in the translation queue."
    return result


def _sorted_cues(page: VideoPage) -> list[dict]:
    return sorted(
        page.cues.raw_data, key=lambda item: (item["value"]["start_ms"], item["value"]["end_ms"])
    )


def _timings(page: VideoPage) -> list[tuple[int, int]]:
    return [(i["value"]["start_ms"], i["value"]["end_ms"]) for i in _sorted_cues(page)]


def _source_slug(translation: Translation, segments) -> dict:
    """Slugs stay the source's (as in the demo content), so URLs line up across languages."""
    slug = segments.get("slug")
    if slug is None or StringTranslation.objects.filter(
        translation_of_id=slug.string_id,
        context_id=slug.context_id,
        locale_id=translation.target_locale_id,
    ):
        return {}
    return {slug: slug.string.data}


# --- helpers --------------------------------------------------------------------------------
def _error(code: str, message: str) -> SubtitleImportError:
    return SubtitleImportError([Issue(None, code, message)])


def _messages(exc: ValidationError) -> str:
    return "; ".join(exc.messages)


def _name(code: str) -> str:
    language = languages.get(code)
    return language.name if language else code
