"""Machine pre-translation runs as a background job, is idempotent per request, and a failing
provider changes nothing."""

import pytest
from django.test import override_settings
from django.urls import reverse
from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.models import StringTranslation

from cms.translation import background, machine, queue_jobs
from cms.translation.models import JobKind, LocalePolicy, QueueJob, TaskState


class BrokenTranslator(BaseMachineTranslator):
    display_name = "Broken"

    def translate(self, source_locale, target_locale, strings):
        raise TimeoutError("no answer within 30 s")

    def can_translate(self, source_locale, target_locale):
        return True


TRANSLATORS = {
    "offline": {"CLASS": "cms.translation.machine.OfflineTranslator"},
    "broken": {"CLASS": "tests.translation.test_machine.BrokenTranslator"},
}


def test_offline_translator_keeps_markup_numbers_and_links():
    out = machine._mark('<b>Call</b> 112 or <a id="a1">write</a>', "fr")
    assert out == '<b>[fr] Call</b> 112 or <a id="a1">write</a>'


def test_bulk_machine_translation_runs_as_a_job(
    client, submitted, users, django_capture_on_commit_callbacks
):
    client.force_login(users["translator"])
    task = submitted["fr"]
    data = {"action": "machine_translate", "task": [task.pk]}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("translation_queue:bulk"), data)
    assert response.status_code == 302
    job = QueueJob.objects.get()
    assert (job.status, job.done, job.total) == (QueueJob.Status.DONE, 1, 1)
    task.refresh_from_db()
    assert task.state == TaskState.MACHINE_DRAFT
    assert task.segments_remaining == 0
    assert StringTranslation.objects.filter(translation_type="machine").count() == (
        task.segments_total
    )


def test_repeating_an_open_request_creates_no_duplicate(submitted, users):

    QueueJob.objects.create(
        kind="machine_translate",
        fingerprint="x",
        task_ids=[submitted["fr"].pk],
        total=1,
    )
    first, created = queue_jobs.start(
        JobKind.MACHINE_TRANSLATE, [submitted["fr"].pk], users["translator"]
    )
    QueueJob.objects.filter(pk=first.pk).update(status=QueueJob.Status.RUNNING)
    again, created_again = queue_jobs.start(
        JobKind.MACHINE_TRANSLATE, [submitted["fr"].pk], users["translator"]
    )
    assert created and not created_again and again.pk == first.pk


@override_settings(PROTECT_MACHINE_TRANSLATORS=TRANSLATORS)
def test_failing_provider_changes_nothing_and_says_why(submitted, users, locales):
    LocalePolicy.objects.create(locale=locales["fr"], machine_translator="broken")
    task = submitted["fr"]
    with pytest.raises(machine.MachineTranslationError, match="Broken failed .* no answer"):
        machine.pretranslate(task)
    task.refresh_from_db()
    assert task.state == TaskState.UNTRANSLATED
    assert not StringTranslation.objects.exists()


@override_settings(PROTECT_MACHINE_TRANSLATORS=TRANSLATORS)
def test_failed_job_reports_the_provider_error(
    client, submitted, users, locales, django_capture_on_commit_callbacks
):
    LocalePolicy.objects.create(locale=locales["fr"], machine_translator="broken")
    client.force_login(users["translator"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("translation_queue:bulk"),
            {"action": "machine_translate", "task": [submitted["fr"].pk]},
        )
    job = QueueJob.objects.get()
    assert job.status == QueueJob.Status.FAILED
    assert "no answer within 30 s" in job.message


def test_unknown_backend_is_a_clear_error(submitted, locales):
    LocalePolicy.objects.create(locale=locales["fr"], machine_translator="deepl")
    with pytest.raises(machine.MachineTranslationError, match="“deepl” .* is not configured"):
        machine.pretranslate(submitted["fr"])


def test_every_job_kind_has_a_handler():
    assert set(background.HANDLERS) == set(JobKind)


def test_options_travel_in_their_own_field(submitted, users):
    job, _ = queue_jobs.start_export([submitted["fr"]], users["translator"])
    job.refresh_from_db()
    assert job.options == {"for": users["translator"].pk}
    assert job.message == ""


def test_an_unexpected_failure_finishes_the_job(submitted, users, monkeypatch):
    def explode(task, user):
        raise RuntimeError("bug")

    monkeypatch.setitem(background.HANDLERS, JobKind.PUBLISH, background.each_task(explode))
    job = QueueJob.objects.create(
        kind=JobKind.PUBLISH, fingerprint="y", task_ids=[submitted["fr"].pk], total=1
    )
    with pytest.raises(RuntimeError):
        background.run_queue_job.call(job.pk)
    job.refresh_from_db()
    assert job.status == QueueJob.Status.FAILED
    assert job.message == "Failed unexpectedly (RuntimeError); 0 of 1 task(s) were done."
