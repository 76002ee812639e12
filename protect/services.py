"""Writes of the video pages: importing a subtitle file, the one service the admin, the
``import_subtitles`` command and the demo use.

- A file in the video's source language replaces its cues (a new revision; published on request).
  Cues whose times are unchanged keep their block ids, so their translations survive.
- A file in any other language must have the source's cue count and timings; its texts become
  that language's string translations in wagtail-localize, exactly as if a translator had typed
  them, and the language is published on request once nothing else on the page is untranslated.
- A rejected file changes nothing (everything happens in one transaction, after all checks).
"""

import uuid
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from wagtail.models import Locale
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from cms import languages
from cms.issues import Issue
from cms.subtitles import Cue, SubtitleFileError, parse_subtitles
from cms.translation.services import progress
from protect.models import SubtitleImport, VideoPage
from protect.models.video import MAX_CUES
from protect.selectors import source_page
from protect.track_matching import first_mismatch

MAX_FILE_BYTES = 5_000_000


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
    try:
        parsed = parse_subtitles(
            data,
            language=language,
            video_duration_ms=source.duration_ms,
            filename=filename,
            max_bytes=MAX_FILE_BYTES,
            max_cues=MAX_CUES,
        )
    except SubtitleFileError as exc:
        raise SubtitleImportError(exc.errors) from exc

    with transaction.atomic():
        if locale.pk == source.locale_id:
            result = _import_source(source, parsed.cues, user=user, publish=publish)
        else:
            result = _import_target(source, locale, parsed.cues, user=user, publish=publish)
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
def _import_target(
    source: VideoPage, locale: Locale, cues: list[Cue], *, user, publish: bool
) -> ImportResult:
    # Translations are made from the live source page (wagtail-localize's rule), so the file is
    # compared with the cues translators see.
    live = VideoPage.objects.get(pk=source.pk)
    reference = sorted(
        live.cues.raw_data, key=lambda item: (item["value"]["start_ms"], item["value"]["end_ms"])
    )
    if not reference:
        raise _error(
            "no_source_cues",
            f"The {_name(source.locale.language_code)} source of this video has no subtitles "
            "yet: import those first.",
        )
    mismatch = first_mismatch(
        cues, [item["value"] for item in reference], _name(source.locale.language_code)
    )
    if mismatch is not None:
        raise SubtitleImportError([mismatch])

    translation_source, _ = TranslationSource.update_or_create_from_instance(live)
    translation, created = Translation.objects.get_or_create(
        source=translation_source, target_locale=locale, defaults={"enabled": True}
    )
    if not translation.enabled:
        translation.enabled = True
        translation.save(update_fields=["enabled"])

    texts = {f"cues.{item['id']}.text": cue.text for item, cue in zip(reference, cues, strict=True)}
    _store_strings(translation_source, locale, texts, user)
    _tell_translation_queue(translation, user)

    result = ImportResult(language=locale.language_code, cue_count=len(cues), source_format="")
    if publish:
        result.published, result.note = _publish(translation, live, user)
    else:
        result.note = "The texts are in the translation editor: publish the translation to go live."
    return result


def _store_strings(translation_source, locale, texts: dict[str, str], user) -> None:
    """Write the cue texts as manual translations, in two queries plus the bulk writes."""
    segments = StringSegment.objects.filter(
        source=translation_source, context__path__in=list(texts)
    ).select_related("context")
    wanted = {(s.string_id, s.context_id): texts[s.context.path] for s in segments}
    existing = StringTranslation.objects.filter(
        locale=locale,
        context_id__in={context for _, context in wanted},
        translation_of_id__in={string for string, _ in wanted},
    )
    changed = []
    for translation in existing:
        key = (translation.translation_of_id, translation.context_id)
        if key in wanted:
            translation.data = wanted.pop(key)
            translation.translation_type = StringTranslation.TRANSLATION_TYPE_MANUAL
            translation.tool_name = ""
            translation.last_translated_by = user
            translation.has_error = False
            translation.field_error = ""
            changed.append(translation)
    StringTranslation.objects.bulk_update(
        changed,
        ["data", "translation_type", "tool_name", "last_translated_by", "has_error", "field_error"],
    )
    StringTranslation.objects.bulk_create(
        StringTranslation(
            translation_of_id=string,
            context_id=context,
            locale=locale,
            data=data,
            translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
            last_translated_by=user,
        )
        for (string, context), data in wanted.items()
    )


def _tell_translation_queue(translation: Translation, user) -> None:
    """Bulk writes send no signals: let the translation queue (cms.translation) recount once."""
    task, _ = progress.ensure_task(translation, user)
    progress.record_bulk_change(task, user=user, comment="Subtitle file imported")


def _publish(translation: Translation, live: VideoPage, user) -> tuple[bool, str]:
    """Publish the translation if nothing but the cues was left to translate."""
    # Slugs stay the source's (as in the demo content), so URLs line up across languages.
    slug = StringSegment.objects.filter(
        source=translation.source, context__path="slug"
    ).select_related("string", "context")
    for segment in slug:
        StringTranslation.objects.get_or_create(
            translation_of=segment.string,
            locale=translation.target_locale,
            context=segment.context,
            defaults={
                "data": segment.string.data,
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                "last_translated_by": user,
            },
        )
    total, done = translation.get_progress()
    if done < total:
        return False, (
            f"Not published yet: {total - done} other text(s) of the page (title, description…) "
            "still need translating in the translation editor."
        )
    parent = live.get_parent()
    if not parent.get_translations(inclusive=True).filter(locale=translation.target_locale):
        return False, (
            f"Not published yet: the parent page '{parent.title}' has no "
            f"{_name(translation.target_locale.language_code)} version."
        )
    translation.save_target(user=user, publish=True)
    return True, ""


# --- helpers --------------------------------------------------------------------------------
def _error(code: str, message: str) -> SubtitleImportError:
    return SubtitleImportError([Issue(None, code, message)])


def _messages(exc: ValidationError) -> str:
    return "; ".join(exc.messages)


def _name(code: str) -> str:
    language = languages.get(code)
    return language.name if language else code
