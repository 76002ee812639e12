"""Keep tasks in step with wagtail-localize's translations and publishing, and fence link
overrides. (Translated texts are counted by ``services.writing``, their only writer.)"""

from django.db import transaction
from django.db.models.signals import m2m_changed, post_save, pre_save
from django.dispatch import receiver
from wagtail.models import DraftStateMixin, Page, TranslatableMixin
from wagtail.signals import published, task_rejected
from wagtail_localize.models import (
    SegmentOverride,
    Translation,
    TranslationLog,
)

from . import selectors, teams
from .background import sync_source_task
from .links import check_override
from .models import LocaleTeam
from .services import progress, workflow


@receiver(post_save, sender=Translation)
def create_task(sender, instance, created, **kwargs):
    if kwargs.get("raw"):
        return
    progress.ensure_task(instance)


@receiver(published)
def object_published(sender, instance, revision=None, **kwargs):
    if not isinstance(instance, TranslatableMixin):
        return
    user = getattr(revision, "user", None)
    workflow.mark_published(instance, user=user)
    _schedule_sync(instance, user)


@receiver(task_rejected)
def workflow_task_rejected(sender, instance, user=None, **kwargs):
    # Wagtail sends this once per rejected task state (its workflow_rejected signal reports the
    # same rejection, so only this one is handled); the reviewer's comment is on the task state.
    content = instance.workflow_state.content_object
    if not isinstance(content, TranslatableMixin):
        return
    task_name = instance.task.name if instance.task_id else "workflow"
    comment = instance.get_comment() or f"Changes requested in the “{task_name}” task"
    workflow.workflow_rejected(content, user=user or instance.finished_by, comment=comment)


@receiver(post_save)
def undrafted_snippet_saved(sender, instance, **kwargs):
    # Snippets without drafts are live as soon as they are saved: sync their translations then.
    if kwargs.get("raw") or not isinstance(instance, TranslatableMixin):
        return
    if isinstance(instance, DraftStateMixin):
        return
    _schedule_sync(instance, None)


@receiver(post_save)
def locale_root_created(sender, instance, created, **kwargs):
    # Teams hold their page permissions on their locale's top page; grant them once it exists.
    if created and not kwargs.get("raw") and isinstance(instance, Page) and instance.depth == 2:
        for team in LocaleTeam.objects.filter(locale_id=instance.locale_id):
            teams.sync_team_group(team)


@receiver(post_save, sender=TranslationLog)
def translation_saved(sender, instance, created, **kwargs):
    # wagtail-localize saved a target; objects without drafts are published by that save.
    try:
        target = instance.get_instance()
    except Exception:  # target deleted meanwhile
        return
    if not isinstance(target, DraftStateMixin):
        workflow.mark_published(target)


def _schedule_sync(instance, user):
    source = selectors.source_for_instance(instance)
    if source is None or not source.translations.filter(enabled=True).exists():
        return
    user_id = getattr(user, "pk", None)
    transaction.on_commit(lambda: sync_source_task.enqueue(source.pk, user_id))


@receiver(pre_save, sender=SegmentOverride)
def refuse_unsafe_override(sender, instance, **kwargs):
    check_override(instance.data_json)


@receiver(post_save, sender=LocaleTeam)
def team_saved(sender, instance, **kwargs):
    if not kwargs.get("raw"):
        teams.sync_team_group(instance)


@receiver(m2m_changed, sender=LocaleTeam.members.through)
def team_members_changed(sender, instance, action, **kwargs):
    if action in ("post_add", "post_remove", "post_clear") and isinstance(instance, LocaleTeam):
        teams.sync_team_members(instance)
