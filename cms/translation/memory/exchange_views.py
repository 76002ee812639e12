"""Admin pages for the memory's TMX and the glossary's CSV: download, and upload (all or
nothing; a bad file gets a 400 saying what and where, and nothing is imported). A large TMX file
is checked here and imported on the worker (``tmx_jobs``), its progress shown on this page."""

import hashlib

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from .. import permissions, queue_jobs
from ..exchange.xliff import ExchangeError
from ..models import JobKind, QueueJob
from . import glossary_csv, tmx, tmx_jobs
from .glossary_admin import fenced, review_locale_ids
from .models import GlossaryTerm, MemoryEntry


def _memory_user(request):
    if not permissions.can_use_queue(request.user):
        raise PermissionDenied("You cannot use the translation memory.")


def _visible_entries(user):
    if permissions.is_coordinator(user):
        return MemoryEntry.objects.all()
    return MemoryEntry.objects.filter(target_locale_id__in=permissions.locale_ids(user))


def exchange(request):
    _memory_user(request)
    return render(request, "translation_memory/exchange.html", _context(request))


def _context(request):
    jobs = list(tmx_jobs.jobs_of(request.user))
    return {
        "entries": _visible_entries(request.user).count(),
        "can_import": tmx_jobs.writable_locales(request.user) != set(),
        "can_glossary": review_locale_ids(request.user) != set(),
        "jobs": jobs,
        "importing": any(job.is_open for job in jobs),  # the page reloads until they are done
    }


def _download(data, name, content_type):
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def tmx_export(request):
    _memory_user(request)
    stamp = timezone.now().strftime("%Y%m%d")
    return _download(
        tmx.export(_visible_entries(request.user)),
        f"protect-memory-{stamp}.tmx",
        "application/x-tmx+xml",
    )


def _refuse(request, error):
    messages.error(request, f"Nothing was imported. {error}")
    return render(request, "translation_memory/exchange.html", _context(request), status=400)


def tmx_import(request):
    _memory_user(request)
    allowed = tmx_jobs.writable_locales(request.user)
    if allowed == set() or request.method != "POST":
        raise PermissionDenied("Only reviewers and coordinators import translation memory.")
    upload = request.FILES.get("file")
    try:
        if upload is None:
            raise ExchangeError("Choose a .tmx file to import.")
        if upload.size > tmx.MAX_BYTES:
            raise ExchangeError(f"{upload.name}: larger than {tmx.MAX_BYTES // 1024 // 1024} MB.")
        data = upload.read()
        if len(data) > tmx_jobs.INLINE_BYTES:
            job, started = _start_import(upload.name, data, request.user)
        else:
            units = tmx.read(data, upload.name)
            created, skipped = tmx.import_units(units, allowed, upload.name)
    except ExchangeError as error:
        return _refuse(request, error)
    if len(data) <= tmx_jobs.INLINE_BYTES:
        messages.success(request, f"{created} entries imported ({skipped} already in the memory).")
    elif started:
        messages.success(
            request, f"{upload.name}: {job.total} units checked; the import runs in the background."
        )
    else:
        messages.info(request, f"{upload.name} is already being imported.")
    return redirect("translation_memory:exchange")


def _start_import(name: str, data: bytes, user) -> tuple[QueueJob, bool]:
    """Refuse an unusable file now (ExchangeError: the 400), else store it, enqueue the job."""
    units = tmx.read(data, name)
    tmx.check(units, tmx_jobs.writable_locales(user), name)
    options = {"for": user.pk, "name": name, "sha256": hashlib.sha256(data).hexdigest()}
    job, created = queue_jobs.start(JobKind.IMPORT_TMX, [], user, options, upload=(name, data))
    if created:
        QueueJob.objects.filter(pk=job.pk).update(total=len(units))
        job.total = len(units)
    return job, created


def glossary_export(request):
    allowed = review_locale_ids(request.user)
    if allowed == set():
        raise PermissionDenied("Only the locale teams' reviewers manage glossaries.")
    terms = fenced(GlossaryTerm.objects.all(), request.user)
    return _download(glossary_csv.export(terms), "protect-glossary.csv", "text/csv; charset=utf-8")


def glossary_import(request):
    allowed = review_locale_ids(request.user)
    if allowed == set() or request.method != "POST":
        raise PermissionDenied("Only the locale teams' reviewers manage glossaries.")
    upload = request.FILES.get("file")
    try:
        if upload is None:
            raise ExchangeError("Choose a .csv file to import.")
        terms = glossary_csv.read(upload.read(), upload.name, allowed)
    except ExchangeError as error:
        return _refuse(request, error)
    created, updated = glossary_csv.save(terms)
    messages.success(request, f"Glossary: {created} terms added, {updated} updated.")
    return redirect("translation_memory:exchange")
