"""Issue 14.3/14.5: a large TMX file is checked in the request (bad file: 400, nothing stored or
imported) and imported on the worker, its progress shown on the memory page; small files are
still imported in the request."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from cms.translation.memory import tmx, tmx_jobs
from cms.translation.memory.models import MemoryEntry
from cms.translation.models import JobKind, LocaleTeam, QueueJob

UNIT = (
    "<tu><tuv xml:lang='en'><seg>Help line number {i} is free and open all night.</seg></tuv>"
    "<tuv xml:lang='{lang}'><seg>Ligne d'aide {i}, gratuite, ouverte la nuit.</seg></tuv></tu>"
)


def _tmx(count, lang="fr", bad_at=None) -> bytes:
    units = "".join(
        UNIT.format(i=i, lang="xx" if i == bad_at else lang) for i in range(1, count + 1)
    )
    return f"<tmx version='1.4'><header srclang='en'/><body>{units}</body></tmx>".encode()


@pytest.fixture
def large():
    data = _tmx(3100)
    assert len(data) > tmx_jobs.INLINE_BYTES
    return data


def _post(client, data, name="big.tmx"):
    return client.post(
        reverse("translation_memory:tmx_import"), {"file": SimpleUploadedFile(name, data)}
    )


def test_large_file_is_imported_on_the_worker_with_progress(
    client, users, large, django_capture_on_commit_callbacks
):
    client.force_login(users["reviewer"])
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = _post(client, large)
    assert response.status_code == 302
    assert not MemoryEntry.objects.exists()  # the request only checked and enqueued
    job = QueueJob.objects.get(kind=JobKind.IMPORT_TMX)
    assert (job.status, job.done, job.total) == (QueueJob.Status.QUEUED, 0, 3100)
    page = client.get(reverse("translation_memory:exchange")).content.decode()
    assert "big.tmx" in page and '<progress max="3100" value="0">' in page
    assert 'http-equiv="refresh"' in page  # reloads until the job is done
    assert len(callbacks) == 1
    callbacks[0]()  # the worker (immediate backend) runs the job
    job.refresh_from_db()
    assert (job.status, job.done, job.total) == (QueueJob.Status.DONE, 3100, 3100)
    assert job.message == "3100 entries imported (0 already in the memory)."
    assert job.upload_path == ""
    assert MemoryEntry.objects.filter(target_locale__language_code="fr").count() == 3100
    page = client.get(reverse("translation_memory:exchange")).content.decode()
    assert "3100 entries imported" in page and 'http-equiv="refresh"' not in page


def test_large_bad_file_is_refused_in_the_request(
    client, users, django_capture_on_commit_callbacks
):
    client.force_login(users["reviewer"])
    with django_capture_on_commit_callbacks(execute=True):
        response = _post(client, _tmx(3100, bad_at=2999))
        refused = _post(client, _tmx(3100, lang="ar"))
    assert response.status_code == 400
    assert "translation unit 2999: “xx” is not a language" in response.content.decode()
    assert refused.status_code == 400 and "may not add “ar”" in refused.content.decode()
    assert not QueueJob.objects.exists() and not MemoryEntry.objects.exists()


def test_worker_rechecks_the_requesters_locales(
    client, users, large, django_capture_on_commit_callbacks
):
    client.force_login(users["reviewer"])
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        _post(client, large)
    LocaleTeam.objects.get(name="French reviewers").members.remove(users["reviewer"])
    callbacks[0]()
    job = QueueJob.objects.get(kind=JobKind.IMPORT_TMX)
    assert job.status == QueueJob.Status.FAILED
    assert job.message.startswith("Nothing was imported:")
    assert not MemoryEntry.objects.exists()


def test_small_file_is_still_imported_in_the_request(client, users):
    client.force_login(users["reviewer"])
    data = _tmx(3)
    assert len(data) <= tmx_jobs.INLINE_BYTES
    response = _post(client, data, "small.tmx")
    assert response.status_code == 302
    assert not QueueJob.objects.exists()
    assert MemoryEntry.objects.count() == 3
    assert tmx.import_units(tmx.read(data)) == (0, 3)
