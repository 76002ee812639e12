"""Import form and exchange job pages: the job's progress, its import report, its export zip.
A job's page and file are shown only to the user who asked for it."""

import os

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.files.storage import storages
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render

from .. import permissions, queue_jobs
from ..exchange.importer import MAX_BYTES
from ..exchange.xliff import ExchangeError
from ..models import EXCHANGE_KINDS, QueueJob


def _queue_user(request):
    if not permissions.can_use_queue(request.user):
        raise PermissionDenied("You cannot use the translation queue.")


def import_files(request):
    _queue_user(request)
    if request.method == "POST":
        upload = request.FILES.get("file")
        try:
            if upload is None:
                raise ExchangeError("Choose an .xlf, .po or .zip file to import.")
            if upload.size > MAX_BYTES:
                raise ExchangeError(f"{upload.name}: larger than {MAX_BYTES // 1024 // 1024} MB.")
            job, created = queue_jobs.start_import(upload.name, upload.read(), request.user)
        except ExchangeError as error:
            messages.error(request, f"Nothing was imported. {error}")
            return render(request, "translation/import.html", status=400)
        if not created:
            messages.info(request, "This file is already being imported.")
        return redirect("translation_queue:job", job.pk)
    return render(request, "translation/import.html")


def _own_job(request, job_id):
    _queue_user(request)
    return get_object_or_404(
        QueueJob,
        pk=job_id,
        created_by=request.user,
        kind__in=EXCHANGE_KINDS,
    )


def job_detail(request, job_id):
    job = _own_job(request, job_id)
    return render(request, "translation/job.html", {"job": job, "is_export": job.is_export})


def job_download(request, job_id):
    job = _own_job(request, job_id)
    if not job.is_export or job.status != QueueJob.Status.DONE or not job.result_path:
        raise Http404("This export has no zip to download (yet).")
    try:
        handle = storages["private"].open(job.result_path)
    except FileNotFoundError as error:
        raise Http404("The zip of this export is no longer stored; export again.") from error
    return FileResponse(
        handle,
        as_attachment=True,
        filename=os.path.basename(job.result_path),
        content_type="application/zip",
    )
