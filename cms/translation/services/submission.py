"""Submitting objects for translation into many locales: the one write path of the worker's
``submit_task`` and the demo.

It does what wagtail-localize's ``TranslationCreator`` does (a ``TranslationSource`` with its
segments, a ``Translation`` per locale, related objects one level deep, and the draft targets
of ``Translation.save_target``), with the same models and semantics, but set-based: segments
(``extraction``), translations and their queue tasks in bulk, and the targets of all locales
sharing their reads (``targets``).
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from wagtail.models import DraftStateMixin, Page
from wagtail_localize.models import Translation

from . import progress
from .extraction import source_for
from .targets import save_targets

__all__ = ["Submission", "save_targets", "submit"]


@dataclass
class Submission:
    """What was submitted: each source with its translations (sources in submission order)."""

    translations: dict = field(default_factory=dict)  # TranslationSource → [Translation]

    def translations_of(self, instance) -> list[Translation]:
        for source, translations in self.translations.items():
            if source.object_id == instance.translation_key:
                return translations
        return []


@transaction.atomic
def submit(instance, locales, user=None, *, build_targets=True, subtree=False) -> Submission:
    """Submit ``instance`` (and, with ``subtree``, every page below it) into ``locales``.

    ``build_targets=False`` stops before the targets: the caller fills strings and saves each
    target once itself (the demo publishes them), instead of a draft now and a save again later.
    """
    submitter = _Submitter(user, list(locales), build_targets)
    submitter.submit(instance)
    if subtree and isinstance(instance, Page):
        for page in instance.get_descendants().order_by("path"):
            submitter.submit(page)
    return submitter.submission


class _Submitter:
    """``TranslationCreator.create_translations``, set-based (see the module docstring)."""

    def __init__(self, user, locales, build_targets):
        self.user, self.locales, self.build_targets = user, locales, build_targets
        self.seen = set()
        self.submission = Submission()

    def submit(self, instance, include_related_objects=True):
        if isinstance(instance, Page):
            instance = instance.specific
        if instance.translation_key in self.seen:
            return
        self.seen.add(instance.translation_key)
        source = source_for(instance)
        if include_related_objects:
            # Before the translations: their targets need the related objects translated.
            for segment in source.relatedobjectsegment_set.select_related("object"):
                self.submit(segment.object.get_instance(instance.locale), False)
        locales = [locale for locale in self.locales if locale.pk != source.locale_id]
        translations = _translations(source, locales, _mode_enabled(instance))
        progress.ensure_tasks(source, translations)
        self.submission.translations[source] = translations
        if not self.build_targets and not include_related_objects:
            # A related object's missing targets are still made: the caller's targets link to
            # them (existing ones are left as they are).
            translations = _without_target(instance, translations)
        elif not self.build_targets:
            return
        save_targets(source, translations, self.user, _publish_on_submit(instance))


def _mode_enabled(instance) -> bool:
    mode = getattr(
        instance,
        "localize_default_translation_mode",
        getattr(settings, "WAGTAIL_LOCALIZE_DEFAULT_TRANSLATION_MODE", "synced"),
    )
    return mode == "synced"


def _publish_on_submit(instance) -> bool:
    if getattr(settings, "WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE", True):
        return getattr(instance, "live", True)
    return not isinstance(instance, DraftStateMixin)  # objects without drafts are saved live


def _translations(source, locales, enabled: bool) -> list[Translation]:
    """``Translation.objects.update_or_create(source, locale, enabled=…)`` for every locale."""
    existing = {
        t.target_locale_id: t
        for t in Translation.objects.filter(source=source, target_locale__in=locales)
    }
    changed = [t.pk for t in existing.values() if t.enabled != enabled]
    if changed:
        Translation.objects.filter(pk__in=changed).update(enabled=enabled)
    new = {
        locale.pk: Translation(source=source, target_locale=locale, enabled=enabled)
        for locale in locales
        if locale.pk not in existing
    }
    Translation.objects.bulk_create(new.values())
    translations = []
    for locale in locales:
        translation = existing.get(locale.pk) or new[locale.pk]
        translation.enabled, translation.source, translation.target_locale = enabled, source, locale
        translations.append(translation)
    return translations


def _without_target(instance, translations) -> list[Translation]:
    have = set(
        type(instance)
        ._default_manager.filter(
            translation_key=instance.translation_key,
            locale_id__in=[t.target_locale_id for t in translations],
        )
        .values_list("locale_id", flat=True)
    )
    return [t for t in translations if t.target_locale_id not in have]
