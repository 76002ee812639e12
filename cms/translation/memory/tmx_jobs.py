"""The worker's side of a large TMX import (a queue job started by ``exchange_views``, which
has read and checked the whole file first): write the entries, all or nothing, re-checking the
requester's locales (team membership may have changed meanwhile), with progress on the job."""

from django.core.files.storage import storages
from django.db.models import F

from .. import permissions
from ..exchange.xliff import ExchangeError
from ..models import JobKind, QueueJob
from . import tmx

# Larger uploads go to the worker; smaller ones are imported in the request, as before.
INLINE_BYTES = 512 * 1024
# Progress is written this many times per job at most (one UPDATE each).
STEPS = 50


def writable_locales(user) -> set[int] | None:
    """Target locales ``user`` may import into (None: all)."""
    if user.is_superuser or permissions.is_coordinator(user):
        return None
    return permissions.locale_ids(user, review=True)


def jobs_of(user):
    return QueueJob.objects.filter(kind=JobKind.IMPORT_TMX, created_by=user).order_by(
        "-created_at"
    )[:5]


def _progress(job):
    def step(done, total):
        if done == total or done % max(1, total // STEPS) == 0:
            QueueJob.objects.filter(pk=job.pk).update(done=done, total=total)
            job.done, job.total = done, total

    return step


def run_import(job) -> tuple[list[str], str]:
    """The worker's side (``background.HANDLERS``): returns (errors, summary)."""
    name = job.options["name"]
    try:
        user = job.created_by
        allowed = writable_locales(user) if user and permissions.can_use_queue(user) else set()
        if allowed == set():
            raise ExchangeError("the user who asked for it may no longer import memory.")
        with storages["private"].open(job.upload_path) as upload:
            data = upload.read()
        units = tmx.read(data, name)
        created, skipped = tmx.import_units(units, allowed, name, progress=_progress(job))
    except ExchangeError as error:
        return [f"Nothing was imported: {error}"], ""
    finally:
        # The upload is only needed once; the outcome on the job is what stays.
        storages["private"].delete(job.upload_path)
        job.upload_path = ""
    QueueJob.objects.filter(pk=job.pk).update(done=F("total"))
    job.done = job.total
    return [], f"{created} entries imported ({skipped} already in the memory)."
