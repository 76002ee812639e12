"""The worker's side of export and import queue jobs (started by ``queue_jobs``): build the zip
into private storage, or apply the upload and keep its per-unit report on the job. The worker
re-checks the requester's locales: team membership may have changed since the request."""

from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.files.storage import storages

from .. import permissions, selectors
from ..models import private_file_path
from . import export_zip
from .importer import import_upload
from .xliff import ExchangeError


def _progress(job):
    def step(done=None, total=None):
        job.advance(total)

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
        private_file_path(export_zip.file_name()), ContentFile(data)
    )
    return [], f"Exported {len(tasks)} task(s)."


def run_import(job) -> tuple[list[str], str]:
    name = job.options["name"]
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
