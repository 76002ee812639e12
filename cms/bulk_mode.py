"""Bulk mode: background work of many saves done once, at the end, instead of one task per object.

Each save makes Wagtail enqueue a search-index and a reference-index task, and each publish a CDN
purge; loading the demo queued ~16,000 of them, and search missed the new pages until the worker
drained them. Inside ``deferred_indexing()`` those enqueues are collected instead (deduplicated),
and on a successful exit the collected objects are indexed per model with the search backends'
bulk API, their references rebuilt, one CDN purge made and the ``defer()``-ed callables run once::

    with deferred_indexing(run_once=[record_task_memory]):
        ...  # save and publish many objects

``run_once``: more tasks (django-tasks ``Task`` objects) whose enqueues are collected; each distinct
call runs once, in this process, at the exit, in the order the tasks are given. A task with a bulk
form (``register_bulk``) has all its calls made by one call of that form.

On an exception nothing is lost: the collected tasks are enqueued as they would have been (the
worker does them) and the deferred callables run; then the exception propagates.

Scope: a ContextVar, so other threads and requests are unaffected; a nested block joins the
outer one. Enqueues from ``transaction.on_commit`` callbacks are collected only if the commit
happens inside the block: put the block around the transactions, not inside one.
"""

import logging
import threading
from collections import defaultdict
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from django.apps import apps
from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from django_tasks.base import Task
from modelsearch.backends import get_search_backends_with_name
from modelsearch.tasks import insert_or_update_object_task
from tqdm import tqdm
from wagtail.contrib.frontend_cache.tasks import purge_urls_from_cache_task
from wagtail.contrib.frontend_cache.utils import get_backends
from wagtail.tasks import update_reference_index_task

logger = logging.getLogger(__name__)

CHUNK = 500
_ROUNDS = 5  # the exit work can save objects too (e.g. memory entries): collect again, this often

SEARCH = insert_or_update_object_task.func
REFERENCES = update_reference_index_task.func
PURGE = purge_urls_from_cache_task.func


# Task func → fn(list of (args, kwargs)) that makes every call, in order (see register_bulk).
_BULK = {}


def register_bulk(task: Task, fn) -> None:
    """Let bulk mode run ``task``'s collected calls as ``fn([(args, kwargs), …])``."""
    _BULK[task.func] = fn


@dataclass
class _State:
    run_once: list = field(default_factory=list)  # Task objects, in the order to run them
    # func → {(args, kwargs as a hashable key): (task, args, kwargs)}; dicts keep first-seen order
    calls: dict = field(default_factory=lambda: defaultdict(dict))
    deferred: dict = field(default_factory=dict)  # key → [fn, items]

    def collects(self, task: Task) -> bool:
        return task.func in (SEARCH, REFERENCES, PURGE) or any(
            task.func is t.func for t in self.run_once
        )


_state: ContextVar[_State | None] = ContextVar("bulk_mode", default=None)
_original_enqueue = Task.enqueue
_install_lock = threading.Lock()


def _enqueue(self, *args, **kwargs):
    state = _state.get()
    if state is None or not state.collects(self):
        return _original_enqueue(self, *args, **kwargs)
    key = (repr(args), repr(sorted(kwargs.items())))
    state.calls[self.func].setdefault(key, (self, args, kwargs))
    return None  # callers in Wagtail and this project ignore the result


def _install() -> None:
    with _install_lock:
        if Task.enqueue is not _enqueue:
            Task.enqueue = _enqueue


def active() -> bool:
    """Whether the current context is inside ``deferred_indexing()``."""
    return _state.get() is not None


def defer(key: str, fn, *items) -> None:
    """Call ``fn(*all items given under key)`` once at the end of the bulk operation.

    The first ``fn`` given for a key is the one called. Only inside ``deferred_indexing()``.
    """
    state = _state.get()
    if state is None:
        raise RuntimeError("bulk_mode.defer() outside deferred_indexing()")
    entry = state.deferred.setdefault(key, [fn, []])
    entry[1].extend(items)


@contextmanager
def deferred_indexing(run_once=(), progress=True):
    outer = _state.get()
    if outer is not None:  # nested: the outer block does the work
        outer.run_once += [t for t in run_once if not outer.collects(t)]
        yield outer
        return
    _install()
    state = _State(run_once=list(run_once))
    token = _state.set(state)
    try:
        yield state
    except BaseException:
        _state.reset(token)
        _hand_over(state)
        raise
    try:
        _flush(state, progress)  # still in bulk mode: saves made by the exit work are collected
    finally:
        _state.reset(token)
        _hand_over(state)  # after a failure, or still more after the rounds: the worker's turn


def _take(state: _State, func) -> list:
    return list(state.calls.pop(func, {}).values())


def _flush(state: _State, progress: bool) -> None:
    for _ in range(_ROUNDS):
        if not (state.calls or state.deferred):
            return
        _phase(_take(state, SEARCH), _index, progress)
        _phase(_take(state, REFERENCES), _references, progress)
        for task in state.run_once:
            _phase(_take(state, task.func), _call, progress, task.name)
        while state.deferred:  # popped one by one: after a failure the rest are handed over
            fn, items = state.deferred.pop(next(iter(state.deferred)))
            fn(*items)
        _phase(_take(state, PURGE), _purge, progress)


def _phase(calls, run, progress, *args) -> None:
    """``run(calls, …)`` in one transaction (one commit, not one per row written: on SQLite each
    commit is a sync to disk); if it fails, nothing of it is kept and the calls are enqueued as
    usual (all of them: they are idempotent) before the error propagates."""
    if not calls:
        return
    try:
        with transaction.atomic():
            run(calls, progress, *args)
    except BaseException:
        for task, task_args, kwargs in calls:
            _original_enqueue(task, *task_args, **kwargs)
        raise


def _call(calls, progress, name) -> None:
    bulk = _BULK.get(calls[0][0].func)
    if bulk is not None:
        bulk([(args, kwargs) for _task, args, kwargs in calls])
        return
    for task, args, kwargs in tqdm(calls, desc=name, disable=not progress):
        task.call(*args, **kwargs)


def _hand_over(state: _State) -> None:
    """Enqueue what was collected, as it would have been outside bulk mode; run the deferred."""
    calls, state.calls = state.calls, defaultdict(dict)
    deferred, state.deferred = state.deferred, {}
    for collected in calls.values():
        for task, args, kwargs in collected.values():
            _original_enqueue(task, *args, **kwargs)
    for fn, items in deferred.values():
        try:
            fn(*items)
        except Exception:  # the original exception is the one to report
            logger.exception("Bulk mode: a deferred callable failed")


def _by_model(calls) -> dict:
    pks = defaultdict(list)
    for _task, (app_label, model_name, pk), _kwargs in calls:
        pks[(app_label, model_name)].append(pk)
    return {apps.get_model(*key): values for key, values in pks.items()}


def _index(calls, progress: bool) -> None:
    """What ``insert_or_update_object_task`` does per object, in one statement per chunk."""
    backends = [backend for _name, backend in get_search_backends_with_name(with_auto_update=True)]
    with tqdm(total=len(calls), desc="search index", disable=not progress) as bar:
        for model, pks in _by_model(calls).items():
            for start in range(0, len(pks), CHUNK):
                chunk = pks[start : start + CHUNK]
                objects = model.objects.filter(pk__in=chunk)
                if hasattr(objects, "specific"):  # pages: index each as its own type
                    objects = objects.specific()
                by_type = defaultdict(list)
                for obj in objects:
                    indexed = obj.get_indexed_instance()
                    if indexed is not None:
                        by_type[type(indexed)].append(indexed.pk)
                for indexed_model, indexed_pks in by_type.items():
                    found = list(indexed_model.get_indexed_objects().filter(pk__in=indexed_pks))
                    for backend in backends:
                        backend.add_bulk(indexed_model, found)
                bar.update(len(chunk))


def _references(calls, progress: bool) -> None:
    """``update_reference_index_task`` per distinct object; a deleted object is skipped."""
    for _task, args, kwargs in tqdm(calls, desc="references", disable=not progress):
        try:
            update_reference_index_task.call(*args, **kwargs)
        except ObjectDoesNotExist:  # deleted (or rolled back) since
            continue


def _purge(calls, progress) -> None:
    """One purge task per set of backends with every URL collected (none if no CDN is set up)."""
    groups = {}
    for _task, args, kwargs in calls:
        urls, backend_settings, backends = (*args, None, None)[:3]
        backend_settings = kwargs.get("backend_settings", backend_settings)
        backends = kwargs.get("backends", backends)
        group = groups.setdefault(
            repr((backend_settings, backends)), [backend_settings, backends, {}]
        )
        group[2].update(dict.fromkeys(urls))
    for backend_settings, backends, urls in groups.values():
        if get_backends(backend_settings, backends):
            _original_enqueue(purge_urls_from_cache_task, list(urls), backend_settings, backends)
