"""Bulk mode (cms/bulk_mode.py): saves inside ``deferred_indexing()`` queue no task per object;
at the end the pages are searchable and their references indexed, the content version bumped
once. An exception loses nothing; nested blocks and other threads behave."""

import threading

import pytest
from django_tasks import task
from django_tasks.signals import task_enqueued
from wagtail.models import ReferenceIndex
from wagtail.search.backends import get_search_backend

from cms import bulk_mode
from cms.api import caching
from cms.bulk_mode import deferred_indexing
from protect.models import AwarenessPage

pytestmark = pytest.mark.django_db

CALLS = []


@task()
def note(value):
    CALLS.append(value)


@pytest.fixture
def enqueued():
    """Paths of the tasks enqueued (the test settings run them at once)."""
    paths = []

    def receiver(sender, task_result, **kwargs):
        paths.append(task_result.task.module_path)

    task_enqueued.connect(receiver)
    CALLS.clear()
    yield paths
    task_enqueued.disconnect(receiver)


def _publish(home_page, slug: str) -> AwarenessPage:
    """A live page with a word to search for and a link to the home page (a reference)."""
    link = f'<p>Zanzibar <a linktype="page" id="{home_page.pk}">home</a></p>'
    page = AwarenessPage(
        title=f"Bulk {slug}", slug=slug, body=[{"type": "paragraph", "value": link}]
    )
    home_page.add_child(instance=page)
    page.save_revision().publish()
    return page


def _found(word: str) -> set[int]:
    return {page.pk for page in get_search_backend().search(word, AwarenessPage)}


def _referenced(page) -> bool:
    return ReferenceIndex.get_references_for_object(page).exists()


PER_OBJECT = {
    "modelsearch.tasks.insert_or_update_object_task",
    "wagtail.tasks.update_reference_index_task",
}


def test_saves_inside_queue_nothing_and_are_searchable_and_referenced_after(home_page, enqueued):
    with deferred_indexing(progress=False):
        pages = [_publish(home_page, f"bulk-{n}") for n in range(3)]
        assert not PER_OBJECT & set(enqueued)
        assert _found("Zanzibar") == set()  # nothing indexed yet
    assert not PER_OBJECT & set(enqueued)
    assert _found("Zanzibar") == {page.pk for page in pages}
    assert all(_referenced(page) for page in pages)


def test_outside_bulk_mode_each_save_enqueues_its_tasks(home_page, enqueued):
    page = _publish(home_page, "single")
    assert PER_OBJECT <= set(enqueued)
    assert _found("Zanzibar") == {page.pk} and _referenced(page)


def test_an_exception_hands_the_collected_work_over(home_page, enqueued):
    deferred = []
    with pytest.raises(RuntimeError), deferred_indexing(run_once=[note], progress=False):
        page = _publish(home_page, "failing")
        note.enqueue("memory")
        bulk_mode.defer("test", deferred.append, "bump")
        raise RuntimeError("boom")
    # Enqueued as usual (the test backend runs them at once): searchable, referenced, noted.
    assert PER_OBJECT <= set(enqueued)
    assert _found("Zanzibar") == {page.pk} and _referenced(page)
    assert CALLS == ["memory"] and deferred == ["bump"]
    assert not bulk_mode.active()


def test_run_once_tasks_run_once_per_call_at_the_end(db, enqueued):
    with deferred_indexing(run_once=[note], progress=False):
        for value in (1, 1, 2):
            note.enqueue(value)
        assert CALLS == []
    assert CALLS == [1, 2] and enqueued == []


def test_nested_blocks_join_the_outer_one(home_page, enqueued):
    with deferred_indexing(progress=False):
        with deferred_indexing(run_once=[note], progress=False):
            page = _publish(home_page, "nested")
            note.enqueue("inner")
        assert bulk_mode.active()
        assert _found("Zanzibar") == set() and CALLS == []
    assert _found("Zanzibar") == {page.pk} and CALLS == ["inner"]
    assert not PER_OBJECT & set(enqueued)


def test_other_threads_are_not_in_bulk_mode(db, enqueued):
    with deferred_indexing(run_once=[note], progress=False):
        thread = threading.Thread(target=note.enqueue, args=("thread",))
        thread.start()
        thread.join()
        assert CALLS == ["thread"]


def test_the_content_version_is_bumped_once_per_bulk_operation(
    db, monkeypatch, django_capture_on_commit_callbacks
):
    bumps, purged = [], []
    monkeypatch.setattr(caching.versions, "bump", lambda: bumps.append(1))
    monkeypatch.setattr(caching, "purge_cdn", purged.append)
    with django_capture_on_commit_callbacks(execute=True):
        with deferred_indexing(progress=False):
            caching.invalidate(["pages/1/"])
            caching.invalidate(["pages/2/", "pages/1/"])
            assert bumps == []
    assert bumps == [1] and purged == [["pages/1/", "pages/2/"]]
    with django_capture_on_commit_callbacks(execute=True):
        caching.invalidate()
        caching.invalidate()
    assert len(bumps) == 3
