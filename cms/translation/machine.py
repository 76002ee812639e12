"""Machine pre-translation: backends chosen per locale, run on the worker.

Backends are wagtail-localize machine translators (DeepL, LibreTranslate…) configured in
``PROTECT_MACHINE_TRANSLATORS``; ``OfflineTranslator`` is deterministic and needs no network, for
tests and the demo. Output is stored as *machine* string translations, so the task becomes a
machine draft that must be reviewed before it can be published.
"""

import threading
from collections import defaultdict

from bs4 import BeautifulSoup, NavigableString
from django.conf import settings
from django.utils.module_loading import import_string
from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.models import StringSegment, StringTranslation
from wagtail_localize.strings import StringValue

from .models import LocalePolicy
from .services import writing


class MachineTranslationError(Exception):
    """The provider failed or timed out; nothing was changed."""


def translate_within(translator, source_locale, target_locale, strings, seconds: float):
    """``translator.translate(…)`` bounded in wall-clock time.

    The providers' ``TIMEOUT`` (requests' ``timeout``) bounds each socket read, not the whole
    answer: a provider that trickles a byte at a time would hold the worker forever. The call
    runs in a daemon thread; past the deadline its eventual result is thrown away (it only
    talks HTTP, nothing is written) and the caller gets ``TimeoutError``.
    """
    outcome: dict = {}

    def call():
        try:
            outcome["output"] = translator.translate(source_locale, target_locale, strings)
        except BaseException as error:  # handed to the caller's thread below
            outcome["error"] = error

    worker = threading.Thread(target=call, name="machine-translation", daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        raise TimeoutError(f"no complete answer within {seconds:g} s")
    if "error" in outcome:
        raise outcome["error"]
    return outcome["output"]


class OfflineTranslator(BaseMachineTranslator):
    """Marks each text run with the target language: ``Help`` → ``[fr] Help``. Tags, links,
    numbers, phone numbers and addresses are left exactly as they are."""

    display_name = "Offline pre-translation"

    def translate(self, source_locale, target_locale, strings):
        code = target_locale.language_code
        return {string: StringValue(_mark(string.data, code)) for string in strings}

    def can_translate(self, source_locale, target_locale):
        return source_locale.language_code != target_locale.language_code


def _mark(html: str, code: str) -> str:
    soup = BeautifulSoup(html, "html.parser")
    first = next((text for text in soup.find_all(string=True) if text.strip()), None)
    if first is None:
        return html
    first.replace_with(NavigableString(f"[{code}] {first}"))
    return str(soup)


def translator_key_for(locale) -> str:
    policy = LocalePolicy.objects.filter(locale=locale).first()
    key = (policy and policy.machine_translator) or settings.PROTECT_MACHINE_TRANSLATOR_DEFAULT
    if key not in settings.PROTECT_MACHINE_TRANSLATORS:
        raise MachineTranslationError(
            f"Machine translator “{key}” for {locale} is not configured "
            f"(known: {', '.join(settings.PROTECT_MACHINE_TRANSLATORS)})."
        )
    return key


def get_translator(locale) -> BaseMachineTranslator:
    config = settings.PROTECT_MACHINE_TRANSLATORS[translator_key_for(locale)]
    options = {"TIMEOUT": settings.PROTECT_MACHINE_TRANSLATION_TIMEOUT, **config.get("OPTIONS", {})}
    return import_string(config["CLASS"])(options)


def pretranslate(task, user=None) -> int:
    """Fill the task's untranslated segments with machine output. Returns how many were filled.

    The provider is called before anything is written, so a failure changes nothing.
    """
    translation = task.translation
    source = translation.source
    locale = translation.target_locale
    writing.check_rights(user, translation)
    translator = get_translator(locale)
    if not translator.can_translate(source.locale, locale):
        raise MachineTranslationError(
            f"{translator.display_name} cannot translate {source.locale} into {locale}."
        )
    done = set(
        StringTranslation.objects.filter(
            context__object_id=source.object_id, locale=locale
        ).values_list("translation_of_id", "context_id")
    )
    wanted = defaultdict(list)
    for segment in StringSegment.objects.filter(source=source).select_related("string"):
        if (segment.string_id, segment.context_id) not in done:
            wanted[segment.string.as_value()].append(segment)
    if not wanted:
        return 0
    try:
        output = translate_within(
            translator,
            source.locale,
            locale,
            list(wanted),
            settings.PROTECT_MACHINE_TRANSLATION_TIMEOUT,
        )
    except Exception as error:  # requests errors, provider errors, timeouts
        raise MachineTranslationError(
            f"{translator.display_name} failed for {task}: {error}"
        ) from error
    texts = {
        segment: result.data
        for value, segments in wanted.items()
        if (result := output.get(value)) is not None and result.data is not None
        for segment in segments
    }
    if not texts:
        return 0
    try:
        written = writing.write_strings(
            translation,
            texts,
            user,
            origin=writing.Origin.MACHINE,
            tool_name=str(translator.display_name),
            only_missing=True,
            comment="Machine pre-translation",
        )
    except writing.RefusedText as error:
        raise MachineTranslationError(
            f"{translator.display_name} returned text that cannot be stored, nothing was "
            f"written: {error}"
        ) from error
    return written.created
