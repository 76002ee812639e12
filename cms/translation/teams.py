"""Each locale team has a Wagtail group granting exactly its locale's pages and snippets; team
and group hold the same people (changes on either side reach the other)."""

from contextlib import contextmanager
from contextvars import ContextVar

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from wagtail.models import DraftStateMixin, GroupPagePermission, Page, TranslatableMixin
from wagtail.snippets.models import get_snippet_models

from .models import LocaleTeam

# Set while this module moves people itself, so the m2m signals it causes are not re-handled.
_syncing = ContextVar("team_group_sync", default=False)


@contextmanager
def syncing():
    token = _syncing.set(True)
    try:
        yield
    finally:
        _syncing.reset(token)


def in_sync() -> bool:
    return _syncing.get()


def _locale_roots(locale_id):
    # The top page of each locale tree (e.g. /fr/ home) holds the team's page permissions.
    return Page.objects.filter(depth=2, locale_id=locale_id)


def sync_team_group(team) -> Group:
    group = team.group
    if group is None:
        group, _ = Group.objects.get_or_create(name=f"Translators: {team.name}"[:150])
        type(team).objects.filter(pk=team.pk).update(group=group)
        team.group = group
    elif group.name != f"Translators: {team.name}"[:150]:
        group.name = f"Translators: {team.name}"[:150]
        group.save(update_fields=["name"])

    wanted = ["change"] + (["publish"] if team.can_publish else [])
    GroupPagePermission.objects.filter(group=group).exclude(
        permission__codename__in=[f"{action}_page" for action in wanted]
    ).delete()
    for page in _locale_roots(team.locale_id):
        for action in wanted:
            GroupPagePermission.objects.get_or_create(
                group=group,
                page=page,
                permission=Permission.objects.get(
                    content_type__app_label="wagtailcore", codename=f"{action}_page"
                ),
            )

    perms = [
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    ]
    for model in get_snippet_models():
        if not issubclass(model, TranslatableMixin):
            continue
        content_type = ContentType.objects.get_for_model(model)
        actions = ["change"]
        if team.can_publish and issubclass(model, DraftStateMixin):
            actions.append("publish")
        name = model._meta.model_name
        perms += Permission.objects.filter(
            content_type=content_type, codename__in=[f"{a}_{name}" for a in actions]
        )
    group.permissions.set(perms)
    sync_team_members(team)
    return group


def sync_team_members(team) -> None:
    """Make the team and its group hold the same people by adding, never by removing: a user
    put in the group directly joins the team; removals are explicit actions (team_left,
    group_left), never a side effect of a sync."""
    if team.group_id is None:
        return
    group = team.group
    members = set(team.members.values_list("pk", flat=True))
    in_group = set(group.user_set.values_list("pk", flat=True))
    everyone = members | in_group | set(team.reviewers.values_list("pk", flat=True))
    if everyone - in_group:
        group.user_set.add(*(everyone - in_group))
    if everyone - members:
        team.members.add(*(everyone - members))


def team_left(team, user_ids) -> None:
    """Users were removed from the team (in the team screen): they leave its group too, unless
    they are still one of its reviewers."""
    if team.group_id is None:
        return
    staying = set(team.reviewers.values_list("pk", flat=True))
    leaving = set(user_ids) - staying
    if leaving:
        team.group.user_set.remove(*leaving)


def group_joined(group_ids, user_ids) -> None:
    """Users were put in groups (user editor, group editor): join the groups' teams."""
    for team in LocaleTeam.objects.filter(group_id__in=group_ids):
        missing = set(user_ids) - set(team.members.values_list("pk", flat=True))
        if missing:
            team.members.add(*missing)


def group_left(group_ids, user_ids) -> None:
    """Users were taken out of a team's group: they leave the team (and its reviewers)."""
    for team in LocaleTeam.objects.filter(group_id__in=group_ids):
        team.members.remove(*user_ids)
        team.reviewers.remove(*user_ids)
