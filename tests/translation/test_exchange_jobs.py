"""Export and import as queue jobs: the request checks and enqueues, the worker builds the zip
or applies the upload (re-checking the user's locales), and only the requester sees the result."""

import io
import re
import time
import zipfile

from django.core.files.storage import default_storage, storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail_localize.models import StringTranslation

from cms.translation.background import run_queue_job
from cms.translation.exchange import export_zip
from cms.translation.models import LocaleTeam, QueueJob
from tests.support.translation import edit_xliff, fill, snapshot


def _members(zip_bytes):
    """The zip's files, without the PO header's creation time (the only part that may differ)."""
    archive = zipfile.ZipFile(io.BytesIO(zip_bytes))
    return {
        name: re.sub(rb'"POT-Creation-Date: [^"]*"', b"", archive.read(name))
        for name in archive.namelist()
    }


def _move_to_spanish(user):
    """The translator leaves the French team for the Spanish one (e.g. while a job waits)."""
    LocaleTeam.objects.get(name="French").members.remove(user)
    LocaleTeam.objects.get(name="Spanish").members.add(user)


def _export(client, task):
    return client.post(
        reverse("translation_queue:bulk"), {"action": "export_xliff", "task": task.pk}
    )


def test_export_request_only_enqueues_once_and_the_job_builds_the_zip(
    client, exported, users, django_capture_on_commit_callbacks
):
    task, expected = exported
    client.force_login(users["translator"])
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        started = time.monotonic()
        first = _export(client, task)
        elapsed = time.monotonic() - started
        again = _export(client, task)
    assert first.status_code == again.status_code == 302
    assert elapsed < 1.0
    job = QueueJob.objects.get()  # the repeated request found the open job
    assert (job.kind, job.status, job.result_path) == ("export_xliff", "queued", "")
    assert len(callbacks) == 1
    callbacks[0]()  # what the worker does: the immediate backend runs the job now
    job.refresh_from_db()
    assert (job.status, job.done, job.total) == (QueueJob.Status.DONE, 1, 1)
    assert job.message == "Exported 1 task(s)."
    queue = client.get(reverse("translation_queue:index"))
    download_url = reverse("translation_queue:job_download", args=[job.pk])
    assert download_url in queue.content.decode()
    download = client.get(download_url)
    assert download.status_code == 200
    assert download["Content-Type"] == "application/zip"
    assert _members(b"".join(download.streaming_content)) == _members(expected)


def test_only_the_requester_gets_the_zip(
    client, exported, users, django_capture_on_commit_callbacks
):
    task, _ = exported
    client.force_login(users["translator"])
    with django_capture_on_commit_callbacks(execute=True):
        _export(client, task)
    job = QueueJob.objects.get(status=QueueJob.Status.DONE)
    # The zip holds unpublished text: it lives in the private storage, which no URL serves.
    assert storages["private"].exists(job.result_path)
    assert not default_storage.exists(job.result_path)
    client.force_login(users["reviewer"])  # same locale, but did not ask for this export
    for name in ("job", "job_download"):
        response = client.get(reverse(f"translation_queue:{name}", args=[job.pk]))
        assert response.status_code in (302, 404)
        assert response.status_code == 404 or response.url != response.request["PATH_INFO"]
        assert not response.has_header("Content-Disposition")


def test_export_of_another_locale_is_refused_at_enqueue(client, submitted, users):
    client.force_login(users["translator"])
    response = _export(client, submitted["es"])
    assert response.status_code in (302, 403)
    assert not QueueJob.objects.exists()


def test_export_job_rechecks_locales_when_it_runs(
    client, exported, users, django_capture_on_commit_callbacks
):
    task, _ = exported
    client.force_login(users["translator"])
    with django_capture_on_commit_callbacks(execute=False):
        _export(client, task)
    _move_to_spanish(users["translator"])
    job = QueueJob.objects.get()
    run_queue_job.call(job.pk)
    job.refresh_from_db()
    assert job.status == QueueJob.Status.FAILED
    assert job.message.startswith("Nothing was exported: some of the tasks")
    assert job.result_path == ""


def _edited_upload(data):
    name, xliff = edit_xliff(
        data, "<target>FR Know your rights</target>", "<target>Vos droits</target>"
    )
    return SimpleUploadedFile(name.split("/")[-1], xliff)


def test_import_request_enqueues_and_the_job_keeps_the_report(
    client, exported, users, django_capture_on_commit_callbacks
):
    task, data = exported
    client.force_login(users["translator"])
    url = reverse("translation_queue:import")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        first = client.post(url, {"file": _edited_upload(data)})
        again = client.post(url, {"file": _edited_upload(data)})
    job = QueueJob.objects.get()
    assert first.status_code == again.status_code == 302
    assert first.url == reverse("translation_queue:job", args=[job.pk])
    assert (job.kind, job.status, job.task_ids) == ("import_xliff", "queued", [task.pk])
    assert not StringTranslation.objects.filter(data="Vos droits").exists()  # not in the request
    upload_path = job.upload_path
    assert storages["private"].exists(upload_path)
    callbacks[0]()
    job.refresh_from_db()
    assert job.status == QueueJob.Status.DONE, job.message
    assert ["title", "updated"] in job.report[0]["units"]
    updated = sum(outcome == "updated" for _, outcome in job.report[0]["units"])
    assert job.message == f"Imported {updated} segment(s) from 1 file(s)."
    assert StringTranslation.objects.filter(data="Vos droits").exists()
    assert not storages["private"].exists(upload_path)  # the report stays, the upload does not
    page = client.get(first.url).content.decode()
    assert "<td>title</td><td>updated</td>" in page and job.message in page


def test_round_trip_through_the_views(client, exported, users, django_capture_on_commit_callbacks):
    task, _ = exported
    client.force_login(users["translator"])
    with django_capture_on_commit_callbacks(execute=True):
        _export(client, task)
    export_job = QueueJob.objects.get()
    response = client.get(reverse("translation_queue:job_download", args=[export_job.pk]))
    zipped = b"".join(response.streaming_content)
    before = snapshot()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("translation_queue:import"),
            {"file": SimpleUploadedFile("export.zip", zipped)},
        )
    job = QueueJob.objects.get(kind="import_xliff")
    assert job.status == QueueJob.Status.DONE
    assert {outcome for _, outcome in job.report[0]["units"]} == {"unchanged"}
    assert snapshot() == before


def test_import_job_rechecks_locales_when_it_runs(
    client, exported, users, django_capture_on_commit_callbacks
):
    task, data = exported
    client.force_login(users["translator"])
    with django_capture_on_commit_callbacks(execute=False):
        client.post(reverse("translation_queue:import"), {"file": _edited_upload(data)})
    _move_to_spanish(users["translator"])
    job = QueueJob.objects.get()
    upload_path = job.upload_path
    run_queue_job.call(job.pk)
    job.refresh_from_db()
    assert job.status == QueueJob.Status.FAILED
    assert "Nothing was imported" in job.message and "no translation you may work on" in job.message
    assert job.report == []
    assert not StringTranslation.objects.filter(data="Vos droits").exists()
    assert not storages["private"].exists(upload_path)


def test_import_view_refuses_bad_files_at_once(client, submitted, exported, users):
    client.force_login(users["translator"])
    url = reverse("translation_queue:import")
    spanish = export_zip.build([fill(submitted["es"])])
    cases = [
        ({}, "Choose an .xlf, .po or .zip file"),
        ({"file": SimpleUploadedFile("x.xlf", b"<nope")}, "not well-formed XML"),
        ({"file": SimpleUploadedFile("es.zip", spanish)}, "no translation you may work on"),
    ]
    for data, message in cases:
        response = client.post(url, data)
        assert response.status_code == 400
        assert "Nothing was imported." in response.content.decode()
        assert message in response.content.decode()
    assert not QueueJob.objects.exists()
