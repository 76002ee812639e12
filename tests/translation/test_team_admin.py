"""Settings → Locale teams: set up in the admin, permission-checked, and kept consistent with
the team's Wagtail group in both directions without silently removing anyone."""

from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from cms.translation import permissions
from cms.translation.models import LocalePolicy, LocaleTeam
from tests.factories import LocaleTeamFactory


def _form(locale, members=(), reviewers=(), **extra):
    data = {
        "name": "Farsi",
        "locale": locale.pk,
        "members": [u.pk for u in members],
        "reviewers": [u.pk for u in reviewers],
        "machine_translator": "offline",
    }
    data.update(extra)
    return data


def test_admin_creates_a_team_with_reviewers_and_policy(
    client, admin_user, django_user_model, locales, fr_home
):
    translator = django_user_model.objects.create_user("tr-fa", password="pw")
    reviewer = django_user_model.objects.create_user("rv-fa", password="pw")
    client.force_login(admin_user)
    assert client.get(reverse("locale_teams:add")).status_code == 200
    response = client.post(
        reverse("locale_teams:add"),
        _form(locales["fa"], [translator], [reviewer], can_publish="on"),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    team = LocaleTeam.objects.get(name="Farsi")
    assert set(team.members.all()) == {translator, reviewer}  # reviewers are in the team
    assert team.group.user_set.count() == 2
    policy = LocalePolicy.objects.get(locale=locales["fa"])
    assert policy.machine_translator == "offline" and not policy.require_independent_review
    assert permissions.can_review(reviewer, locales["fa"].pk)
    assert not permissions.can_review(translator, locales["fa"].pk)
    assert permissions.can_translate(translator, locales["fa"].pk)
    listing = client.get(reverse("locale_teams:index")).content.decode()
    assert "Farsi" in listing
    settings_menu = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("locale_teams:index") in settings_menu


def test_team_screen_needs_the_team_permission(client, django_user_model, locales):
    editor = django_user_model.objects.create_user("editor", password="pw")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    assert client.get(reverse("locale_teams:index")).status_code in (302, 403)
    response = client.post(reverse("locale_teams:add"), _form(locales["fa"]))
    assert response.status_code in (302, 403)
    assert not LocaleTeam.objects.exists()
    editor.user_permissions.add(Permission.objects.get(codename="add_localeteam"))
    editor = django_user_model.objects.get(pk=editor.pk)
    client.force_login(editor)
    assert client.get(reverse("locale_teams:add")).status_code == 200


def test_ticking_the_team_group_adds_to_the_team(django_user_model, locales):
    team = LocaleTeamFactory(name="Farsi", locale=locales["fa"])
    user = django_user_model.objects.create_user("tr-fa")
    user.groups.add(team.group)  # the user editor's group tick boxes
    assert list(team.members.all()) == [user]
    other = django_user_model.objects.create_user("tr-fa-2")
    team.group.user_set.add(other)  # the group's side
    assert set(team.members.all()) == {user, other}
    assert permissions.can_translate(django_user_model.objects.get(pk=other.pk), locales["fa"].pk)


def test_syncing_never_removes_people_added_to_the_group(django_user_model, locales):
    team = LocaleTeamFactory(name="Farsi", locale=locales["fa"])
    direct = django_user_model.objects.create_user("direct")
    team.group.user_set.add(direct)
    added = django_user_model.objects.create_user("added")
    team.members.add(added)
    team.can_publish = True
    team.save()  # re-syncs the group's permissions and people
    assert set(team.group.user_set.all()) == {direct, added}
    assert set(team.members.all()) == {direct, added}


def test_removal_is_explicit_on_either_side(django_user_model, locales):
    team = LocaleTeamFactory(name="Farsi", locale=locales["fa"])
    stays, leaves_team, leaves_group = (
        django_user_model.objects.create_user(name) for name in ("stays", "team", "group")
    )
    team.members.add(stays, leaves_team, leaves_group)
    team.members.remove(leaves_team)
    assert not leaves_team.groups.filter(pk=team.group_id).exists()
    leaves_group.groups.remove(team.group)
    assert set(team.members.all()) == {stays}
    assert set(team.group.user_set.all()) == {stays}
    unrelated = Group.objects.create(name="Editors elsewhere")
    stays.groups.add(unrelated)
    stays.groups.remove(unrelated)
    assert set(team.members.all()) == {stays}
