"""Export and import as queue jobs (see ``jobs.start``): the request checks and enqueues, the
worker builds the zip into private storage or applies the upload and keeps its per-unit report
on the job. The worker re-checks the requester's locales: team membership may have changed."""

import hashlib
import json

from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.db.models import F

from .. import jobs, permissions, selectors
from ..models import QueueJob
from . import export_zip
from .importer import check, import_upload
from .xliff import ExchangeError

EXPORT = "export_xliff"
IMPORT = "import_xliff"


def enqueue_export(tasks, user) -> tuple[QueueJob, bool]:
    # The zip belongs to whoever asked, so identical requests are only merged per user.
    return jobs.start(EXPORT, [task.pk for task in tasks], user, {"for": user.pk})


def enqueue_import(name: str, data: bytes, user) -> tuple[QueueJob, bool]:
    """Refuse an unusable upload now (raises ExchangeError), else store it and enqueue it."""
    parsed = check(name, data, user)
    options = {"for": user.pk, "name": name, "sha256": hashlib.sha256(data).hexdigest()}
    task_ids = [task.pk for _, task, _ in parsed]
    return jobs.start(IMPORT, task_ids, user, options, upload=(name, data))


def _progress(job):
    def step(done=None, total=None):
        if total is not None and total != job.total:
            job.total = total
            QueueJob.objects.filter(pk=job.pk).update(total=total)
        QueueJob.objects.filter(pk=job.pk).update(done=F("done") + 1)
        job.done += 1

    return step


def _requester(job):
    user = job.created_by
    if user is None or not permissions.can_use_queue(user):
        raise PermissionDenied("the user who asked for it can no longer use the queue.")
    return user


def run_export(job) -> tuple[list[str], str]:
    try:
        user = _requester(job)
        tasks = list(selectors.queue(user).filter(pk__in=job.task_ids).select_related("source"))
        if len(tasks) != len(job.task_ids):
            raise PermissionDenied("some of the tasks are gone or no longer yours to work on.")
        permissions.check_tasks(user, tasks)
        data = export_zip.build(tasks, progress=_progress(job))
    except PermissionDenied as error:
        return [f"Nothing was exported: {error}"], ""
    job.result_path = storages["private"].save(
        jobs.private_path(export_zip.file_name()), ContentFile(data)
    )
    return [], f"Exported {len(tasks)} task(s)."


def run_import(job) -> tuple[list[str], str]:
    name = json.loads(job.message)["name"]
    try:
        with storages["private"].open(job.upload_path) as upload:
            data = upload.read()
        reports = import_upload(name, data, _requester(job), progress=_progress(job))
    except (ExchangeError, PermissionDenied) as error:
        return [f"Nothing was imported: {error}"], ""
    finally:
        # The upload is only needed once; the report on the job is what stays.
        storages["private"].delete(job.upload_path)
        job.upload_path = ""
    job.report = [
        {"file": r.name, "task": str(r.task), "task_id": r.task.pk, "units": r.units}
        for r in reports
    ]
    changed = sum(report.changed for report in reports)
    return [], f"Imported {changed} segment(s) from {len(reports)} file(s)."
