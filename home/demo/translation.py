"""Translate demo objects through wagtail-localize, as the admin's "Translate" does.

``translate_object`` submits the object (TranslationSource + a Translation per locale, through
the queue's submission service), fills the string translations from the phrasebook, and saves
each target once, published (no draft target first). The records are real: the translation
queue and editor pick them up like any other translation.
"""

from django.utils.html import strip_tags
from wagtail.models import DraftStateMixin, Locale, Page
from wagtail_localize.models import Translation

from cms.translation.services import submission, writing

from . import phrasebook

# Fields whose source value is kept as is: slugs keep URLs stable across languages.
KEEP_SOURCE_PATHS = {"slug"}


def missing_locales(instance) -> list[Locale]:
    """Target locales in which ``instance`` has no live translation yet."""
    have = set(instance.get_translations(inclusive=True).values_list("locale_id", flat=True))
    if isinstance(instance, Page):
        have = set(
            instance.get_translations(inclusive=True).live().values_list("locale_id", flat=True)
        )
    return list(Locale.objects.exclude(pk__in=have))


def translate_object(instance, user=None, only: list[str] | None = None) -> int:
    """Translate ``instance`` into every locale that lacks it (or those of ``only`` that lack it).

    Returns how many translations were made. The targets are published in the caller's
    transaction (one commit per object, not one per write of each publish).
    """
    locales = [
        locale
        for locale in missing_locales(instance)
        if only is None or locale.language_code in only
    ]
    if not locales:
        return 0
    publish_translated(instance, locales, user, lambda translation: None)
    return len(locales)


def publish_translated(instance, locales, user, overrides) -> None:
    """Submit ``instance`` into ``locales``, fill each translation's strings (``overrides(t)``:
    texts by segment path, or None) and save each target once, published."""
    done = submission.submit(instance, locales, user=user, build_targets=False)
    translations = done.translations_of(instance)
    for translation in translations:
        fill_strings(translation, user, overrides=overrides(translation))
    if not translations:
        return
    source = translations[0].source
    if not isinstance(instance, DraftStateMixin):
        submission.save_targets(source, translations, user, publish=True)  # saved live
        return
    # Drafts, then each published here, in the transaction: wagtail-localize would publish
    # after the commit, where each of a publish's writes is a transaction of its own.
    for translation in submission.save_targets(source, translations, user, publish=False):
        translation.get_target_instance().latest_revision.publish()


def fill_strings(translation: Translation, user, overrides: dict[str, str] | None = None) -> None:
    """Phrasebook texts (or ``overrides`` by segment path) through the queue's one write path."""
    code = translation.target_locale.language_code
    texts = {}
    for path, segment in writing.segments_by_path(translation).items():
        source_text = segment.string.data
        if overrides and path in overrides:
            texts[segment] = overrides[path]
        elif path in KEEP_SOURCE_PATHS:
            texts[segment] = source_text
        else:
            texts[segment] = phrasebook.translate(_plain(source_text), code)
    writing.write_strings(
        translation, texts, user, origin=writing.Origin.DEMO, comment="Demo translation"
    )


def _plain(html: str) -> str:
    # Segments of rich text carry inline tags; phrase look-ups compare the words only.
    return strip_tags(html).strip()
