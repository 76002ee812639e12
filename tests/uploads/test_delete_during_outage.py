"""Fault: S3 is down when an editor deletes a document. The delete succeeds at once (the row
goes, no 500), the stored file is removed by the worker once S3 answers again (issue 11.5)."""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult
from moto.server import ThreadedMotoServer
from wagtail.documents import get_document_model

from cms.uploads import deletion
from tests.support.uploads import pdf_bytes

Document = get_document_model()
DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
TASK_PATH = f"{deletion.__name__}.delete_stored_file"
pytestmark = pytest.mark.django_db


def _keys(client, bucket) -> list[str]:
    return [item["Key"] for item in client.list_objects_v2(Bucket=bucket).get("Contents", [])]


def _work():
    """One batch of the database worker, in this process (inside the test's transaction,
    whose connection its stale-connection check must not close)."""
    call_command(
        "db_worker", "--batch", "--no-startup-delay", "--no-reload",
        stdout=io.StringIO(), stderr=io.StringIO(),
    )  # fmt: skip


def _restart(server: ThreadedMotoServer) -> ThreadedMotoServer:
    """S3 comes back on the same address; moto keeps its buckets in this process."""
    again = ThreadedMotoServer(ip_address="127.0.0.1", port=server._port, verbose=False)
    again.start()
    return again


def test_delete_while_s3_is_down_removes_the_file_once_s3_is_back(
    s3_stoppable, admin_client, settings, monkeypatch, django_capture_on_commit_callbacks
):
    server, client, bucket = s3_stoppable
    settings.TASKS = DB_TASKS
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    document = Document(title="Leaflet", collection_id=1)
    document.file.save("leaflet.pdf", ContentFile(pdf_bytes()), save=True)
    assert _keys(client, bucket) == [document.file.name]

    server.stop()
    with django_capture_on_commit_callbacks(execute=True):
        answer = admin_client.post(reverse("wagtaildocs:delete", args=[document.pk]))
    assert answer.status_code == 302, answer.content[:500]
    assert not Document.objects.filter(pk=document.pk).exists()

    _work()  # the storage is down: the deletion is rescheduled, not lost
    retry = DBTaskResult.objects.get(task_path=TASK_PATH, status="READY")
    assert retry.run_after > timezone.now()
    assert retry.args_kwargs["args"][1:] == [document.file.name, 2]

    server = _restart(server)
    try:
        assert _keys(client, bucket) == [document.file.name]  # still there until the retry
        DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())  # time passes
        with django_capture_on_commit_callbacks(execute=True):
            _work()
        assert DBTaskResult.objects.get(pk=retry.pk).status == "SUCCESSFUL"
        assert _keys(client, bucket) == []
    finally:
        server.stop()


def test_without_a_worker_an_outage_does_not_fail_the_delete(
    s3_down, admin_client, caplog, django_capture_on_commit_callbacks
):
    """The inline task backend (no worker) cannot defer a retry: the delete still succeeds and
    the left-over file is logged as an error."""
    document = Document(title="Leaflet", collection_id=1, file="documents/left-over.pdf")
    document.save()
    with django_capture_on_commit_callbacks(execute=True):
        answer = admin_client.post(reverse("wagtaildocs:delete", args=[document.pk]))
    assert answer.status_code == 302, answer.content[:500]
    assert not Document.objects.filter(pk=document.pk).exists()
    assert "documents/left-over.pdf not deleted" in caplog.text
