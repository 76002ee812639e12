"""Work that runs on the django-tasks worker (``manage.py db_worker``)."""

import json

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import F
from django_tasks import task
from wagtail.models import Locale, Page
from wagtail_localize.models import TranslationSource
from wagtail_localize.operations import translate_object, translate_page_subtree

from . import jobs, machine, services
from .exchange import background
from .models import QueueJob, TranslationTask


@task()
def sync_source_task(source_id: int, user_id: int | None = None) -> dict:
    """Re-read a published source and mark the affected locales' tasks stale."""
    source = TranslationSource.objects.filter(pk=source_id).first()
    if source is None:
        return {}
    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    try:
        stale = services.sync_source(source, user=user)
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
    translate_object(instance, locales, user=user)
    if subtree and isinstance(instance, Page):
        translate_page_subtree(instance.pk, locales, None, user)
    return len(locales)


ACTIONS = {
    "machine_translate": lambda task, user, options: machine.pretranslate(task, user),
    "publish": lambda task, user, options: services.publish(task, user),
}
# Jobs that work on their tasks as a whole (one zip, one all-or-nothing import).
WHOLE_JOBS = {background.EXPORT: background.run_export, background.IMPORT: background.run_import}


@task()
def run_job(job_id: int) -> str:
    job = QueueJob.objects.filter(pk=job_id).first()
    if job is None or not job.is_open:
        return "nothing to do"
    job.status = QueueJob.Status.RUNNING
    job.save(update_fields=["status"])
    if job.kind in WHOLE_JOBS:
        try:
            errors, summary = WHOLE_JOBS[job.kind](job)
        except Exception as error:
            # Never leave a job "running" forever; the worker still logs the traceback.
            jobs.finish(job, [f"Failed unexpectedly ({type(error).__name__}); nothing was saved."])
            raise
        jobs.finish(job, errors, summary)
        return job.message
    user = job.created_by
    options = json.loads(job.message) if job.message.startswith("{") else {}
    action = ACTIONS[job.kind]
    errors = []
    tasks = TranslationTask.objects.filter(pk__in=job.task_ids).select_related(
        "translation__source__locale", "translation__target_locale", "source", "target_locale"
    )
    for queue_task in tasks:
        try:
            action(queue_task, user, options)
        except (machine.MachineTranslationError, services.QueueError) as error:
            errors.append(f"{queue_task}: {error}")
        QueueJob.objects.filter(pk=job.pk).update(done=F("done") + 1)
        job.done += 1
    jobs.finish(job, errors)
    return job.message
