"""The targets of a submission: ``Translation.save_target`` for many locales of one source,
with the source instance built once and the segment values of every locale read at once, and
new page targets copied once with their translated content. Used by ``submission``."""

import contextlib
import copy
import json
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from wagtail.actions.copy_for_translation import CopyPageForTranslationAction
from wagtail.coreutils import find_available_slug
from wagtail.models import Page, TranslatableMixin
from wagtail.signals import copy_for_translation_done
from wagtail_localize.fields import copy_synchronised_fields
from wagtail_localize.models import (
    OverridableSegment,
    RelatedObjectSegment,
    SegmentOverride,
    StringSegment,
    StringTranslation,
    TemplateSegment,
    TranslationLog,
    TranslationSource,
)
from wagtail_localize.segments import (
    OverridableSegmentValue,
    RelatedObjectSegmentValue,
    StringSegmentValue,
    TemplateSegmentValue,
)
from wagtail_localize.segments.ingest import ingest_segments
from wagtail_localize.strings import StringValue


def save_targets(source, translations, user, publish: bool) -> list:
    """``save_target`` of each translation (validation errors skipped, as stock does), with the
    source instance built once and the segment values of every locale read at once. Returns the
    translations whose targets were saved."""
    if not translations:
        return []
    locales = [translation.target_locale for translation in translations]
    saved = []
    with shared_reads(source, locales) as reads:
        new_pages = _new_page_parents(reads.original, locales)
        for translation in translations:
            translation.source = source
            parent = new_pages.get(translation.target_locale_id)
            with contextlib.suppress(ValidationError):
                if parent is None or not _copy_translated_page(
                    source, translation, reads, parent, user, publish
                ):
                    translation.save_target(user=user, publish=publish)
                saved.append(translation)
    return saved


@dataclass
class _Reads:
    original: object
    values: dict  # locale id → segment values

    def fresh(self):
        # A copy each time: ingesting segments changes stream values in place.
        return copy.deepcopy(self.original)


@contextlib.contextmanager
def shared_reads(source, locales):
    """While open, ``source.create_or_update_translation`` (which ``save_target`` calls) takes
    a fresh copy of one source instance and precomputed segment values instead of reading both
    again for each locale."""
    reads = _Reads(source.as_instance(), segment_values(source, locales))
    source.as_instance = reads.fresh
    source._get_segments_for_translation = lambda locale, fallback=False: (
        reads.values[locale.pk]
        if fallback
        else TranslationSource._get_segments_for_translation(source, locale, fallback=False)
    )
    try:
        yield reads
    finally:
        del source.as_instance
        del source._get_segments_for_translation


def _new_page_parents(original, locales) -> dict:
    """{locale id: translated parent page} where a live source page gets a new target under an
    existing translated parent: those targets are copied once with their translated content
    (``_copy_translated_page``); anything else goes through ``save_target`` as stock."""
    if not isinstance(original, Page) or not original.live:
        return {}
    parent = original.get_parent()
    if parent is None or parent.is_root():
        return {}
    locale_ids = [locale.pk for locale in locales]
    have = set(
        Page.objects.filter(
            translation_key=original.translation_key, locale_id__in=locale_ids
        ).values_list("locale_id", flat=True)
    )
    return {
        page.locale_id: page
        for page in Page.objects.filter(
            translation_key=parent.translation_key, locale_id__in=locale_ids
        ).specific()
        if page.locale_id not in have
    }


def _copy_translated_page(source, translation, reads, parent, user, publish) -> bool:
    """A new page target as ``create_or_update_translation`` makes it, with one save instead of
    three: the segments are ingested into the source page first, then Wagtail's copy for
    translation (same parent, slug, child objects, view restrictions and log entry) writes it
    with one revision, by ``user``. False (nothing written) if the copy does not validate:
    ``save_target`` then records the field errors as stock does."""
    locale = translation.target_locale
    original, translated = reads.fresh(), reads.fresh()
    copy_synchronised_fields(original, translated)
    ingest_segments(original, translated, source.locale, locale, reads.values[locale.pk])

    def process_child_object(original_page, page_copy, child_relation, child_object):
        if isinstance(child_object, TranslatableMixin):
            child_object.locale = locale

    try:
        with transaction.atomic():
            target = translated.copy(
                to=parent,
                update_attrs={
                    "locale": locale,
                    "slug": find_available_slug(parent, slugify(translated.slug)),
                },
                copy_revisions=False,
                keep_live=False,
                reset_translation_key=False,
                process_child_object=process_child_object,
                user=user,
                log_action="wagtail.copy_for_translation",
            )
    except ValidationError:
        return False
    copy_for_translation_done.send(
        sender=CopyPageForTranslationAction, source_obj=translated, target_obj=target
    )
    revision = target.latest_revision
    if publish:
        transaction.on_commit(revision.publish)
    TranslationLog.objects.create(source=source, locale=locale, revision=revision)
    return True


def segment_values(source, locales) -> dict:
    """{locale id: segment values} as ``_get_segments_for_translation(locale, fallback=True)``
    returns them, for every locale in one read per kind of segment."""
    locale_ids = [locale.pk for locale in locales]
    strings = list(StringSegment.objects.filter(source=source).select_related("context", "string"))
    translated = {
        (row.locale_id, row.translation_of_id, row.context_id): row.data
        for row in StringTranslation.objects.filter(
            translation_of_id__in={s.string_id for s in strings},
            context_id__in={s.context_id for s in strings},
            locale_id__in=locale_ids,
            has_error=False,
        )
    }
    templates = list(
        TemplateSegment.objects.filter(source=source).select_related("template", "context")
    )
    related = list(
        RelatedObjectSegment.objects.filter(source=source).select_related(
            "object__content_type", "context"
        )
    )
    has_translation = {
        segment.pk: set(
            segment.object.content_type.get_all_objects_for_this_type(
                translation_key=segment.object.translation_key, locale_id__in=locale_ids
            ).values_list("locale_id", flat=True)
        )
        for segment in related
    }
    overridable = list(OverridableSegment.objects.filter(source=source).select_related("context"))
    overrides = {
        (row.locale_id, row.context_id): row.data_json
        for row in SegmentOverride.objects.filter(
            locale_id__in=locale_ids,
            context_id__in={s.context_id for s in overridable},
            has_error=False,
        )
    }
    values = {}
    for locale_id in locale_ids:
        found = []
        for segment in strings:
            text = translated.get((locale_id, segment.string_id, segment.context_id))
            found.append(
                StringSegmentValue(
                    segment.context.path,
                    StringValue(text) if text else StringValue(segment.string.data),
                    attrs=json.loads(segment.attrs),
                ).with_order(segment.order)
            )
        for segment in templates:
            template = segment.template
            found.append(
                TemplateSegmentValue(
                    segment.context.path,
                    template.template_format,
                    template.template,
                    template.string_count,
                    order=segment.order,
                )
            )
        for segment in related:
            if locale_id in has_translation[segment.pk]:  # else kept as it is in the target
                found.append(
                    RelatedObjectSegmentValue(
                        segment.context.path,
                        segment.object.content_type,
                        segment.object.translation_key,
                        order=segment.order,
                    )
                )
        for segment in overridable:
            data_json = overrides.get((locale_id, segment.context_id))
            if data_json is not None:
                found.append(
                    OverridableSegmentValue(
                        segment.context.path, json.loads(data_json), order=segment.order
                    )
                )
        values[locale_id] = found
    return values
