"""Issue 14.4: leverage per locale of a submission — new, fuzzy and exact source words — on
the task page and in the queue, computed on the worker when the task is made."""

from django.urls import reverse
from wagtail_localize.models import StringSegment

from cms.translation.memory import text
from cms.translation.memory.background import refresh_leverage
from cms.translation.memory.models import TaskLeverage
from tests.factories import MemoryEntryFactory, TranslationTaskFactory


def test_leverage_counts_words_per_locale(page, fr_home, locales, client, users):
    fr, es = locales["fr"], locales["es"]
    MemoryEntryFactory(source_text="Know your rights", target_text="Vos droits", target_locale=fr)
    MemoryEntryFactory(
        source_text="Know your rights!!", target_text="¡Tus derechos!", target_locale=es
    )
    MemoryEntryFactory(source_text="Know your rights today", target_text="x", target_locale=es)
    tasks = {
        code: TranslationTaskFactory(source=page, locale=locales[code]) for code in ("fr", "es")
    }
    for task in tasks.values():
        refresh_leverage.call(task.pk)  # what the worker runs when a task is made
    sources = StringSegment.objects.filter(source_id=tasks["fr"].source_id).values_list(
        "string__data", flat=True
    )
    total = sum(text.words(s) for s in sources)
    by_code = {
        row.task.target_locale.language_code: row
        for row in TaskLeverage.objects.filter(
            task__source_id=tasks["fr"].source_id
        ).select_related("task__target_locale")
    }
    title_words = text.words("Know your rights") * sum(s == "Know your rights" for s in sources)
    assert by_code["fr"].exact_words == title_words and by_code["fr"].fuzzy_words == 0
    assert by_code["es"].exact_words == 0 and by_code["es"].fuzzy_words == title_words
    assert by_code["fr"].total == by_code["es"].total == total
    assert by_code["fr"].new_words == total - title_words

    client.force_login(users["coordinator"])
    task_page = client.get(reverse("translation_queue:task", args=[tasks["fr"].pk])).content
    assert b'aria-label="Leverage"' in task_page
    assert f"<td>es</td><td>{total - title_words}</td><td>{title_words}</td>".encode() in task_page
    queue = client.get(reverse("translation_queue:index") + "?mine=").content.decode()
    assert "New / fuzzy / exact words" in queue
    assert f"{total - title_words} / 0 / {title_words}" in queue


def test_a_new_task_gets_its_leverage_on_the_worker(
    home_page, locales, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        task = TranslationTaskFactory(source=home_page, locale=locales["ti"])
    assert callbacks  # enqueued after commit, run by the (here: immediate) worker
    assert TaskLeverage.objects.get(task=task).total == task.words_total > 0
