"""Each locale team has a Wagtail group granting exactly its locale's pages and snippets."""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from wagtail.models import DraftStateMixin, GroupPagePermission, Page, TranslatableMixin
from wagtail.snippets.models import get_snippet_models


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
    if team.group_id is None:
        return
    group = team.group
    members = set(team.members.values_list("pk", flat=True))
    current = set(group.user_set.values_list("pk", flat=True))
    group.user_set.add(*(members - current))
    group.user_set.remove(*(current - members))
