"""Demo: a starter glossary for every locale and a memory filled from the demo translations.

The EU helpline numbers and the project's names are do-not-translate everywhere; a few locales
get one forbidden term, each labelled as a demo example (a real team sets its own). The memory
fills on the worker as the demo's translations are published (``services.workflow``); a run on
a database loaded before the memory existed queues the already-published tasks once."""

from django.conf import settings
from django.db import transaction
from wagtail.models import Locale

from ..models import TaskState, TranslationTask
from .background import record_task_memory
from .models import GlossaryTerm, MemoryEntry, TermStatus

KEEP = ["PROTECT", "IOM", "112", "116 000", "116 006", "116 111"]
NOTES = {
    "PROTECT": "The project's name.",
    "IOM": "International Organization for Migration: keep the acronym.",
    "112": "EU emergency number.",
    "116 000": "EU hotline for missing children.",
    "116 006": "EU helpline for victims of crime.",
    "116 111": "EU child helpline.",
}
DEMO_NOTE = "Demo example of a forbidden term; the locale team sets the real list."
FORBIDDEN = {
    "fr": ("migrant", "clandestin"),
    "it": ("migrant", "clandestino"),
    "es": ("migrant", "ilegal"),
    "nl": ("migrant", "illegaal"),
}


def build(home, user) -> list:
    source = settings.LANGUAGE_CODE
    for locale in Locale.objects.exclude(language_code=source):
        for term in KEEP:
            GlossaryTerm.objects.get_or_create(
                locale=locale,
                term=term,
                status=TermStatus.DO_NOT_TRANSLATE,
                translation="",
                defaults={"notes": NOTES[term], "is_demo": True, "part_of_speech": "noun"},
            )
        if locale.language_code in FORBIDDEN:
            term, word = FORBIDDEN[locale.language_code]
            GlossaryTerm.objects.get_or_create(
                locale=locale,
                term=term,
                status=TermStatus.FORBIDDEN,
                translation=word,
                defaults={"notes": DEMO_NOTE, "is_demo": True, "part_of_speech": "noun"},
            )
    if not MemoryEntry.objects.exists():
        done = TranslationTask.objects.filter(state__in=[TaskState.APPROVED, TaskState.PUBLISHED])
        for task_id in done.values_list("pk", flat=True):
            transaction.on_commit(lambda task_id=task_id: record_task_memory.enqueue(task_id))
    return []  # nothing to translate: glossary terms are not content
