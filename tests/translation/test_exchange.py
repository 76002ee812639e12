"""XLIFF 2 / PO exchange: export → import round-trips unchanged; edits import with a per-unit
report; unusable files are refused with a clear message and import nothing. Export and import
run as queue jobs: the request checks and enqueues, the worker re-checks the user's locales."""

import io
import re
import time
import zipfile

import pytest
from django.core.files.storage import default_storage, storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail_localize.models import StringTranslation

from cms.translation.background import run_queue_job
from cms.translation.exchange import export_zip
from cms.translation.exchange.importer import import_upload
from cms.translation.exchange.xliff import ExchangeError
from cms.translation.models import LocaleTeam, QueueJob, TaskState
from tests.translation.conftest import fill


@pytest.fixture
def exported(submitted, users):
    task = fill(submitted["fr"], user=users["translator"])
    return task, export_zip.build([task])


def _snapshot():
    return sorted(StringTranslation.objects.values_list("pk", "data", "updated_at"))


def test_zip_holds_xliff_and_po_with_notes(exported):
    task, data = exported
    archive = zipfile.ZipFile(io.BytesIO(data))
    names = archive.namelist()
    assert names == [f"fr/know-your-rights-{task.pk}.xlf", f"fr/know-your-rights-{task.pk}.po"]
    xliff = archive.read(names[0]).decode()
    assert 'srcLang="en"' in xliff and 'trgLang="fr"' in xliff
    assert '<unit id="intro">' in xliff
    assert '<note category="max-length">400</note>' in xliff
    assert "One or two sentences shown in listings." in xliff  # the field's help text
    po = archive.read(names[1]).decode()
    assert 'msgctxt "intro"' in po and "#, fuzzy" in po


def test_round_trip_changes_nothing(exported, users):
    task, data = exported
    before = _snapshot()
    reports = import_upload("export.zip", data, users["translator"])
    assert _snapshot() == before
    assert {outcome for _, outcome in reports[0].units} == {"unchanged"}


def _edit_xliff(data, old, new):
    archive = zipfile.ZipFile(io.BytesIO(data))
    name = [n for n in archive.namelist() if n.endswith(".xlf")][0]
    return name, archive.read(name).decode().replace(old, new).encode()


def test_import_updates_units_and_non_final_needs_review(exported, users):
    task, data = exported
    name, xliff = _edit_xliff(
        data, "<target>FR Know your rights</target>", "<target>Vos droits</target>"
    )
    report = import_upload(name.split("/")[-1], xliff, users["translator"])[0]
    assert ("title", "updated") in report.units
    assert StringTranslation.objects.filter(data="Vos droits").exists()
    task.refresh_from_db()
    assert task.state == TaskState.NEEDS_REVIEW


def test_fuzzy_po_imports_as_needs_review(exported, users):
    task, data = exported
    archive = zipfile.ZipFile(io.BytesIO(data))
    name = [n for n in archive.namelist() if n.endswith(".po")][0]
    po = archive.read(name).decode().replace('msgstr "FR Know your rights"', 'msgstr "Droits"')
    report = import_upload("fr.po", po.encode(), users["translator"])[0]
    assert ("title", "updated") in report.units
    task.refresh_from_db()
    assert task.state == TaskState.NEEDS_REVIEW


UNUSABLE = [
    ("empty.xlf", b"", "the file is empty"),
    ("binary.po", b"\x00\x01\x02msgid", "binary data"),
    ("broken.xlf", b"<xliff version='2.0'", "not well-formed XML"),
    ("other.xlf", b"<root/>", "not an XLIFF 2.0 document"),
    ("notes.txt", b"hello", "unknown file type"),
    ("bad.po", b'msgid "x"\nmsgstr "y"\n', "no X-WagtailLocalize-TranslationID header"),
    ("path.po", b"/etc/passwd", "not a valid PO file"),
]


def test_unusable_files_are_refused(exported, users):
    before = _snapshot()
    for name, content, message in UNUSABLE:
        with pytest.raises(ExchangeError, match=message):
            import_upload(name, content, users["translator"])
    assert _snapshot() == before


def test_file_for_another_locale_imports_nothing(submitted, users):
    spanish = fill(submitted["es"])
    data = export_zip.build([spanish])
    before = _snapshot()
    with pytest.raises(ExchangeError, match="no translation you may work on"):
        import_upload("es.zip", data, users["translator"])
    assert _snapshot() == before


def test_one_bad_file_in_a_zip_imports_nothing(exported, users):
    task, data = exported
    name, xliff = _edit_xliff(
        data, "<target>FR Know your rights</target>", "<target>Vos droits</target>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(name, xliff)
        archive.writestr("fr/broken.xlf", "<xliff")
    with pytest.raises(ExchangeError, match="broken.xlf"):
        import_upload("batch.zip", buffer.getvalue(), users["translator"])
    assert not StringTranslation.objects.filter(data="Vos droits").exists()


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
    name, xliff = _edit_xliff(
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
    before = _snapshot()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("translation_queue:import"),
            {"file": SimpleUploadedFile("export.zip", zipped)},
        )
    job = QueueJob.objects.get(kind="import_xliff")
    assert job.status == QueueJob.Status.DONE
    assert {outcome for _, outcome in job.report[0]["units"]} == {"unchanged"}
    assert _snapshot() == before


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
