"""Keep tasks in step with wagtail-localize's translations and publishing, and fence link
overrides. (Translated texts are counted by ``services.writing``, their only writer.)"""

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models.signals import m2m_changed, post_save, pre_save
from django.dispatch import receiver
from wagtail.models import DraftStateMixin, Page, TranslatableMixin
from wagtail.signals import page_unpublished, published, task_rejected, unpublished
from wagtail_localize.models import (
    SegmentOverride,
    Translation,
    TranslationLog,
)

from . import selectors, teams
from .background import sync_source_task
from .links import check_override
from .models import LocaleTeam
from .services import progress, propagation, workflow


@receiver(post_save, sender=Translation)
def create_task(sender, instance, created, **kwargs):
    if kwargs.get("raw"):
        return
    progress.ensure_task(instance)


@receiver(published)
def object_published(sender, instance, revision=None, **kwargs):
    if not isinstance(instance, TranslatableMixin) or propagation.in_progress():
        return  # a translation republished by propagation is no queue event
    instance = instance.specific if isinstance(instance, Page) else instance
    user = getattr(revision, "user", None)
    workflow.mark_published(instance, user=user)
    if selectors.source_for_instance(instance) is not None:
        propagation.propagate(instance, user)  # at once, not on the worker: safety facts
    _schedule_sync(instance, user)


@receiver(unpublished)
@receiver(page_unpublished)
def object_unpublished(sender, instance, **kwargs):
    if not isinstance(instance, TranslatableMixin) or propagation.in_progress():
        return
    instance = instance.specific if isinstance(instance, Page) else instance
    if selectors.source_for_instance(instance) is not None:
        propagation.withdraw_translations(instance)


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
        with teams.syncing():
            for team in LocaleTeam.objects.filter(locale_id=instance.locale_id):
                teams.sync_team_group(team)


@receiver(post_save, sender=TranslationLog)
def translation_saved(sender, instance, created, **kwargs):
    # wagtail-localize saved a target; objects without drafts are published by that save.
    model = ContentType.objects.get_for_id(instance.source.specific_content_type_id).model_class()
    if model is not None and issubclass(model, DraftStateMixin):
        return  # published by their revision (object_published), not by this save
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
        with teams.syncing():
            teams.sync_team_group(instance)


# Team ↔ group membership, both ways (teams.py). Clears are told who was there beforehand.
@receiver(m2m_changed, sender=LocaleTeam.members.through)
@receiver(m2m_changed, sender=LocaleTeam.reviewers.through)
def team_people_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if teams.in_sync() or reverse:  # user.locale_teams.add(): handled as the team's change
        if reverse and not teams.in_sync() and action in ("post_add", "post_remove"):
            for team in LocaleTeam.objects.filter(pk__in=pk_set):
                team_people_changed(sender, team, action, False, {instance.pk})
        return
    is_members = sender is LocaleTeam.members.through
    if action == "pre_clear":
        people = instance.members if is_members else instance.reviewers
        instance._leaving = set(people.values_list("pk", flat=True))
        return
    with teams.syncing():
        if action == "post_add":
            teams.sync_team_members(instance)
        elif is_members and action in ("post_remove", "post_clear"):
            teams.team_left(instance, pk_set or getattr(instance, "_leaving", set()))


@receiver(m2m_changed, sender=get_user_model().groups.through)
def group_people_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if teams.in_sync():
        return
    if action == "pre_clear":
        related = instance.user_set if reverse else instance.groups
        instance._leaving = set(related.values_list("pk", flat=True))
        return
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    ids = pk_set if action != "post_clear" else getattr(instance, "_leaving", set())
    if not ids:
        return
    groups, users = ([instance.pk], ids) if reverse else (ids, [instance.pk])
    with teams.syncing():
        if action == "post_add":
            teams.group_joined(groups, users)
        else:
            teams.group_left(groups, users)
