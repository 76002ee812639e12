"""The scheduler runs each periodic job once per period, across any number of schedulers,
and the jobs do their work (scheduled publishing, expired exports)."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from cms.ops import scheduler
from cms.ops.models import ScheduledRun
from cms.translation.models import JobKind, QueueJob
from cms.webhooks.tasks import deliver
from tests.factories.pages import AwarenessPageFactory
from tests.support.s3 import s3, s3_server  # noqa: F401

pytestmark = pytest.mark.django_db
T0 = datetime.datetime(2026, 12, 2, 6, 0, 5, tzinfo=datetime.UTC)
EVERY_PERIOD = {"publish_scheduled", "resume_webhooks", "delete_expired_exports"}


@pytest.fixture
def jobs(settings):
    # The test settings run tasks inline, so the database backend's pruning is shown on its own.
    settings.PROTECT_PERIODIC_JOBS = {
        name: job for name, job in settings.PROTECT_PERIODIC_JOBS.items() if name in EVERY_PERIOD
    }
    return settings.PROTECT_PERIODIC_JOBS


def test_each_job_once_per_period(jobs):
    assert set(scheduler.tick("a", now=T0)) == EVERY_PERIOD
    assert scheduler.tick("a", now=T0 + datetime.timedelta(seconds=30)) == []
    # A minute on: the one-minute jobs again, the hourly one not.
    later = scheduler.tick("a", now=T0 + datetime.timedelta(seconds=60))
    assert set(later) == {"publish_scheduled", "resume_webhooks"}
    hour = scheduler.tick("a", now=T0 + datetime.timedelta(hours=1))
    assert set(hour) == EVERY_PERIOD
    runs = ScheduledRun.objects.filter(job="delete_expired_exports")
    assert runs.count() == 2
    assert all(run.finished_at and not run.outcome.startswith("failed") for run in runs)


def test_two_schedulers_share_the_periods(jobs):
    first = scheduler.tick("host-a", now=T0)
    second = scheduler.tick("host-b", now=T0 + datetime.timedelta(seconds=1))
    assert set(first) == EVERY_PERIOD and second == []
    assert set(ScheduledRun.objects.values_list("claimed_by", flat=True)) == {"host-a"}


def test_a_failing_job_is_recorded_and_the_others_still_run(settings):
    settings.PROTECT_PERIODIC_JOBS = {
        "broken": {"every": 60, "command": ["no_such_command"]},
        "publish_scheduled": {"every": 60, "command": ["publish_scheduled"]},
    }
    assert scheduler.tick("a", now=T0) == ["broken", "publish_scheduled"]
    assert ScheduledRun.objects.get(job="broken").outcome.startswith("failed: CommandError")
    assert not ScheduledRun.objects.get(job="publish_scheduled").outcome.startswith("failed")


def test_prune_job_removes_old_task_results(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.PROTECT_PERIODIC_JOBS = {
        "prune_task_results": {
            "every": 86400,
            "command": ["prune_db_task_results", "--min-age-days", "7"],
        }
    }
    old = deliver.enqueue(1)
    fresh = deliver.enqueue(2)
    DBTaskResult.objects.filter(pk=old.id).update(
        status="SUCCESSFUL", finished_at=timezone.now() - datetime.timedelta(days=8)
    )
    DBTaskResult.objects.filter(pk=fresh.id).update(status="SUCCESSFUL", finished_at=timezone.now())
    assert scheduler.tick("a") == ["prune_task_results"]
    assert [str(pk) for pk in DBTaskResult.objects.values_list("pk", flat=True)] == [fresh.id]


def test_scheduled_page_goes_live_through_the_scheduler(jobs, home_page):
    page = AwarenessPageFactory(parent=home_page, title="Helplines in Greece")
    page.go_live_at = timezone.now() - datetime.timedelta(minutes=1)
    page.live = False
    page.save_revision(approved_go_live_at=page.go_live_at)
    page.save()
    type(page).objects.filter(pk=page.pk).update(live=False)
    scheduler.tick("a")
    page.refresh_from_db()
    assert page.live is True


def test_expired_export_zip_is_deleted(jobs):
    private = storages["private"]
    old_zip = private.save("private/translation-jobs/x/old.zip", ContentFile(b"zip"))
    new_zip = private.save("private/translation-jobs/y/new.zip", ContentFile(b"zip"))
    now = timezone.now()
    old = QueueJob.objects.create(
        kind=JobKind.EXPORT_XLIFF,
        fingerprint="old",
        status=QueueJob.Status.DONE,
        result_path=old_zip,
        finished_at=now - datetime.timedelta(hours=73),
    )
    new = QueueJob.objects.create(
        kind=JobKind.EXPORT_XLIFF,
        fingerprint="new",
        status=QueueJob.Status.DONE,
        result_path=new_zip,
        finished_at=now - datetime.timedelta(hours=1),
    )
    scheduler.tick("a")
    assert not private.exists(old_zip) and private.exists(new_zip)
    old.refresh_from_db(), new.refresh_from_db()
    assert old.result_path == "" and new.result_path == new_zip


def test_private_store_on_s3_is_expired_too(jobs, settings, s3):  # noqa: F811
    client, bucket = s3
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            **settings.STORAGES["default"],
            "OPTIONS": {**settings.STORAGES["default"]["OPTIONS"], "default_acl": "private"},
        },
    }
    name = storages["private"].save("private/translation-jobs/z/old.zip", ContentFile(b"zip"))
    QueueJob.objects.create(
        kind=JobKind.EXPORT_XLIFF,
        fingerprint="s3",
        status=QueueJob.Status.DONE,
        result_path=name,
        finished_at=timezone.now() - datetime.timedelta(days=4),
    )
    assert client.list_objects_v2(Bucket=bucket)["KeyCount"] == 1
    scheduler.tick("a")
    assert client.list_objects_v2(Bucket=bucket)["KeyCount"] == 0
