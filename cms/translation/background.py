"""Work that runs on the django-tasks worker (``manage.py db_worker``): source syncs, submissions
into many locales, and queue jobs (``QueueJob``), each kind run by its handler in ``HANDLERS``."""

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django_tasks import task
from wagtail.models import Locale
from wagtail_localize.models import TranslationSource

from cms import bulk_mode

from . import machine
from .exchange import handlers as exchange_handlers
from .memory import tmx_jobs
from .models import EXCHANGE_KINDS, JobKind, QueueJob, TranslationTask
from .services import publishing, review, staleness, submission


@task()
def sync_source_task(source_id: int, user_id: int | None = None) -> dict:
    """Re-read a published source and mark the affected locales' tasks stale."""
    source = TranslationSource.objects.filter(pk=source_id).first()
    if source is None:
        return {}
    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    try:
        stale = staleness.sync_source(source, user=user)
    except source.specific_content_type.model_class().DoesNotExist:
        return {}  # the source was deleted before the worker got to it
    return {str(pk): count for pk, count in stale.items()}


@task()
def submit_task(
    content_type_id: int, object_pk: str, locale_ids: list, user_id: int, subtree: bool = False
) -> int:
    """Submit one object (and optionally its page subtree) into several locales."""
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    instance = model.objects.filter(pk=object_pk).first()
    if instance is None:
        return 0  # deleted before the worker got to it
    locales = list(Locale.objects.filter(pk__in=locale_ids))
    user = get_user_model().objects.filter(pk=user_id).first()
    # Search, reference and leverage work of the new rows once at the end, not a task per save.
    with bulk_mode.deferred_indexing(progress=False):
        submission.submit(instance, locales, user=user, subtree=subtree)
    return len(locales)


def each_task(action):
    """A handler that runs ``action(task, user)`` on each of the job's tasks, counting progress;
    a refusal (machine translation failed, queue rule) is reported and the next task goes on."""

    def run(job) -> tuple[list[str], str]:
        errors = []
        tasks = TranslationTask.objects.filter(pk__in=job.task_ids).select_related(
            "translation__source__locale", "translation__target_locale", "source", "target_locale"
        )
        for queue_task in tasks:
            try:
                action(queue_task, job.created_by)
            except (machine.MachineTranslationError, review.QueueError) as error:
                errors.append(f"{queue_task}: {error}")
            job.advance()
        return errors, ""

    return run


# Each kind of queue job and what the worker runs for it: handler(job) -> (errors, summary).
HANDLERS = {
    JobKind.MACHINE_TRANSLATE: each_task(machine.pretranslate),
    JobKind.PUBLISH: each_task(publishing.publish_translation),
    JobKind.EXPORT_XLIFF: exchange_handlers.run_export,
    JobKind.IMPORT_XLIFF: exchange_handlers.run_import,
    JobKind.IMPORT_TMX: tmx_jobs.run_import,
}


@task()
def run_queue_job(job_id: int) -> str:
    job = QueueJob.objects.filter(pk=job_id).first()
    if job is None or not job.is_open:
        return "nothing to do"
    job.start_running()
    try:
        errors, summary = HANDLERS[JobKind(job.kind)](job)
    except Exception as error:
        # Never leave a job "running" forever; the worker still logs the traceback.
        kept = (
            "nothing was saved"  # exchange jobs apply everything in one transaction
            if job.kind in (*EXCHANGE_KINDS, JobKind.IMPORT_TMX)
            else f"{job.done} of {job.total} task(s) were done"
        )
        job.finish([f"Failed unexpectedly ({type(error).__name__}); {kept}."])
        raise
    job.finish(errors, summary)
    return job.message
