"""Reads for editors (drafts and unpublished translations included): a video's source page, its
23-language track table and the latest cue texts of a language. Public reads are in tracks.py."""

from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef
from wagtail.models import Locale
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from cms import languages
from cms.subtitles import Cue
from protect.models import SubtitleImport, VideoPage
from protect.track_matching import cues_differing


def source_page(page: VideoPage) -> VideoPage:
    """The page the video's translations are made from (usually the English one)."""
    source = (
        TranslationSource.objects.filter(object_id=page.translation_key)
        .order_by("created_at")  # the first source is the original language
        .only("locale_id")
        .first()
    )
    locale_id = source.locale_id if source else Locale.get_default().pk
    return (
        VideoPage.objects.filter(translation_key=page.translation_key, locale_id=locale_id).first()
        or page
    )


@dataclass
class TrackStatus:
    """One row of the admin's 23-language table."""

    language: languages.Language
    is_source: bool
    # "published"; "draft" (the source page, not live yet); "in_translation" (a translation was
    # started or its page is not live); "missing"
    state: str
    page_id: int | None = None
    cue_count: int = 0
    # For languages in translation: cue texts translated so far, of ``source_cues``.
    translated_cues: int = 0
    source_cues: int = 0
    # Cues of this language's live track that no longer match the live source (0: up to date).
    changed_cues: int = 0
    has_translation: bool = False
    last_import: SubtitleImport | None = None
    warnings: list[dict] = field(default_factory=list)

    @property
    def state_label(self) -> str:
        return {
            "published": "Published",
            "draft": "Draft",
            "in_translation": "In translation",
            "missing": "Missing",
        }[self.state]


def track_statuses(video_page: VideoPage) -> list[TrackStatus]:
    """Every configured language's track of this video, for editors (drafts included).

    Five queries whatever the number of languages.
    """
    key = video_page.translation_key
    source = source_page(video_page)
    pages = {
        code: (pk, live, cues)
        for pk, code, live, cues in VideoPage.objects.filter(translation_key=key).values_list(
            "pk", "locale__language_code", "live", "cues"
        )
    }
    translations = set(
        Translation.objects.filter(source__object_id=key, enabled=True).values_list(
            "target_locale__language_code", flat=True
        )
    )
    cue_segments = StringSegment.objects.filter(
        source__object_id=key, source__locale_id=source.locale_id, context__path__startswith="cues."
    )
    translated = dict(
        StringTranslation.objects.filter(has_error=False)
        .filter(
            Exists(
                cue_segments.filter(
                    context_id=OuterRef("context_id"), string_id=OuterRef("translation_of_id")
                )
            )
        )
        .values("locale__language_code")
        .annotate(n=Count("pk"))
        .values_list("locale__language_code", "n")
    )
    imports = {
        record.locale.language_code: record
        for record in SubtitleImport.objects.filter(translation_key=key).select_related("locale")
    }
    source_code = source.locale.language_code
    live_source = pages.get(source_code, (None, False, []))
    source_raw = live_source[2] if live_source[1] else []
    source_cues = len(pages.get(source_code, (None, None, []))[2] or [])
    rows = []
    for language in languages.all_languages():
        code = language.code
        pk, live, cues = pages.get(code, (None, False, None))
        if live:
            state = "published"
        elif code == source_code:
            state = "draft"
        elif pk is not None or code in translations:
            state = "in_translation"
        else:
            state = "missing"
        record = imports.get(code)
        rows.append(
            TrackStatus(
                language=language,
                is_source=code == source_code,
                state=state,
                page_id=pk,
                cue_count=len(cues or []),
                translated_cues=translated.get(code, 0),
                changed_cues=(
                    cues_differing(source_raw, cues)
                    if live and cues and code != source_code and source_raw
                    else 0
                ),
                source_cues=source_cues,
                has_translation=code in translations,
                last_import=record,
                warnings=record.warnings if record else [],
            )
        )
    return rows


def editor_cues(page: VideoPage, language: str) -> list[Cue]:
    """The source's latest revision; for other languages the texts in wagtail-localize (the
    translator's current work), or the page's own cues if it was not made by wagtail-localize."""
    source = source_page(page)
    if source.locale.language_code == language:
        return source.get_latest_revision_as_object().get_cues()
    locale = Locale.objects.filter(language_code=language).first()
    translation_source = TranslationSource.objects.filter(
        object_id=page.translation_key, locale_id=source.locale_id
    ).first()
    if translation_source is not None and translation_source.translations.filter(
        target_locale=locale
    ):
        return _translated_cues(translation_source, locale)
    target = VideoPage.objects.filter(translation_key=page.translation_key, locale=locale).first()
    return target.get_latest_revision_as_object().get_cues() if target else []


def _translated_cues(translation_source: TranslationSource, locale: Locale) -> list[Cue]:
    """Source timings with the translated texts; cues not translated yet are left out."""
    segments = StringSegment.objects.filter(
        source=translation_source, context__path__startswith="cues."
    ).select_related("context")
    path_of = {(s.string_id, s.context_id): s.context.path for s in segments}
    texts = {
        path_of[(t.translation_of_id, t.context_id)]: t.data
        for t in StringTranslation.objects.filter(
            locale=locale, context_id__in={c for _, c in path_of}, has_error=False
        )
        if (t.translation_of_id, t.context_id) in path_of
    }
    cues = []
    for item in translation_source.as_instance().cues.raw_data:
        text = texts.get(f"cues.{item['id']}.text")
        if text:
            value = item["value"]
            cues.append(Cue(value["start_ms"], value["end_ms"], text, value.get("settings") or ""))
    return cues
