"""Indexing many objects for search at once, in chunks, without one background task per object.

Wagtail indexes a page when it is saved, through a task per object; content created in bulk
(imports, the benchmark's dataset) skips ``save()``, and thousands of queued tasks would leave
it unsearchable until the worker drains them. ``index_in_bulk`` writes the index entries
directly, a chunk per statement (the same call ``manage.py update_index`` makes).
"""

from wagtail.search.backends import get_search_backend

CHUNK = 500


def index_in_bulk(model, pks, progress=None) -> int:
    """Index the ``model`` objects with these pks now; ``progress(n)`` after each chunk."""
    backend = get_search_backend()
    pks = list(pks)
    for start in range(0, len(pks), CHUNK):
        chunk = list(model.objects.filter(pk__in=pks[start : start + CHUNK]))
        backend.add_bulk(model, chunk)
        if progress is not None:
            progress(len(chunk))
    return len(pks)
