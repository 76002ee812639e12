"""Issue 15: the bulk forms of the memory tasks (run by bulk mode at the end of the demo) leave
the memory and leverage exactly as the calls one by one do, in fewer queries."""

from cms import bulk_mode
from cms.bulk_mode import deferred_indexing
from cms.translation.memory.background import (
    record_task_memory,
    record_task_memory_in_bulk,
    refresh_leverage,
    refresh_leverage_in_bulk,
)
from cms.translation.memory.models import MemoryEntry, TaskLeverage
from tests.support.translation import fill

ENTRY = ["source_text", "target_text", "target_locale_id", "user_id", "origin_label", "origin_path"]
LEVERAGE = ["task_id", "new_words", "fuzzy_words", "exact_words"]


def _memory():
    entries = MemoryEntry.objects.order_by("source_hash", "target_locale_id", "target_hash")
    leverage = TaskLeverage.objects.order_by("task_id")
    return (
        list(entries.values_list(*ENTRY)),
        list(entries.values_list("bands__key").order_by("bands__key")),
        list(leverage.values_list(*LEVERAGE)),
    )


def _clear():
    MemoryEntry.objects.all().delete()
    TaskLeverage.objects.all().delete()


def test_bulk_forms_match_the_calls_one_by_one(submitted, users, django_assert_max_num_queries):
    tasks = [fill(submitted["fr"], user=users["translator"])]
    tasks.append(fill(submitted["es"], text_for=lambda s: f"ES {s}"))
    # The second call for the French task: its entries' user and date are brought up to date.
    calls = [(tasks[0].pk, users["translator"].pk), (tasks[1].pk, None), (tasks[0].pk,)]
    calls.append((tasks[0].pk + 1000,))  # deleted meanwhile: skipped
    _clear()
    for args in calls:
        record_task_memory.call(*args)
    for task in tasks:
        refresh_leverage.call(task.pk)
    one_by_one = _memory()
    assert one_by_one[0] and one_by_one[2]
    assert {row[3] for row in one_by_one[0] if row[2] == tasks[0].target_locale_id} == {None}

    _clear()
    # Tasks, users, segments; per target locale its translations and one read and write of
    # the memory (select, entries, bands, updates, savepoint and release), however many calls.
    with django_assert_max_num_queries(3 + 2 * (1 + 6)):
        assert record_task_memory_in_bulk([(args, {}) for args in calls]) == len(one_by_one[0])
    # The tasks, the segments once; per locale pair the look-up (3); the rows read and written.
    with django_assert_max_num_queries(2 + 3 * 2 + 2):
        refresh_leverage_in_bulk([((), {"task_id": task.pk}) for task in tasks])
    assert _memory() == one_by_one
    # Stored leverage is brought up to date in place (one row per task, not a second one).
    TaskLeverage.objects.update(new_words=0, fuzzy_words=0, exact_words=0)
    refresh_leverage_in_bulk([((), {"task_id": task.pk}) for task in [*tasks, tasks[0]]])
    assert _memory() == one_by_one


def test_bulk_mode_runs_the_memory_tasks_through_their_bulk_forms(submitted, users, monkeypatch):
    task = fill(submitted["fr"], user=users["translator"])
    _clear()
    seen = []
    for func, bulk in list(bulk_mode._BULK.items()):

        def spy(calls, func=func, bulk=bulk):
            seen.append((func.__name__, calls))
            return bulk(calls)

        monkeypatch.setitem(bulk_mode._BULK, func, spy)
    with deferred_indexing(run_once=[record_task_memory, refresh_leverage], progress=False):
        record_task_memory.enqueue(task.pk, users["translator"].pk)
        refresh_leverage.enqueue(task.pk)
        assert not MemoryEntry.objects.exists()  # collected, not run yet
    entries = MemoryEntry.objects.filter(target_locale=task.target_locale)
    assert entries.filter(user=users["translator"]).count() == entries.count() > 4
    leverage = TaskLeverage.objects.get(task=task)
    assert leverage.exact_words == leverage.total > 0  # computed from the memory just recorded
    assert seen == [
        ("record_task_memory", [((task.pk, users["translator"].pk), {})]),
        ("refresh_leverage", [((task.pk,), {})]),
    ]
