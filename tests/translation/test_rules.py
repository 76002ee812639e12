"""One rule for every change of public state, whichever admin door is used: translations only
through review, team members only in their locales, the English source only by editors."""

import json

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import Translation

from materials.models import SupportService
from tests.factories import AwarenessPageFactory, LocaleTeamFactory, SupportServiceFactory
from tests.support.translation import localize


@pytest.fixture
def world(home_page, locales, django_user_model, django_capture_on_commit_callbacks):
    capture = django_capture_on_commit_callbacks
    localize(home_page, ["fa", "ar"], capture)
    page = AwarenessPageFactory(parent=home_page, title="Know your rights")
    localize(page, ["fa"], capture)
    service = SupportServiceFactory(name="Child helpline", phone="116 111")
    localize(service, ["fa"], capture)
    make = django_user_model.objects.create_user
    editor = make("editor", password="pw")
    editor.groups.add(Group.objects.get(name="Moderators"))
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    translator, reviewer = make("translator-fa", password="pw"), make("reviewer-ar", password="pw")
    LocaleTeamFactory(name="Farsi", locale=locales["fa"], members=[translator])
    LocaleTeamFactory(
        name="Arabic", locale=locales["ar"], members=[reviewer], can_review=True, can_publish=True
    )
    return {
        "en": page,
        "fa": page.get_translation(locales["fa"]).specific,
        "service_fa": service.get_translation(locales["fa"]),
        "editor": editor,
        "translator": translator,
        "reviewer": reviewer,
    }


def _live(obj):
    return type(obj).objects.get(pk=obj.pk).live


def _bulk_publish(key):
    def _bulk_publish(client, world):
        Page.objects.filter(pk=world[key].pk).update(live=False)
        url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))
        client.post(f"{url}?id={world[key].pk}", {})
        return not _live(world[key])

    return _bulk_publish


def _api_publish(key):
    def _api_publish(client, world):
        Page.objects.filter(pk=world[key].pk).update(live=False)
        url = f"/admin/api/main/pages/{world[key].pk}/action/publish/"
        client.post(url, json.dumps({}), content_type="application/json")
        return not _live(world[key])

    return _api_publish


def _unpublish(key):
    def _unpublish(client, world):
        client.post(reverse("wagtailadmin_pages:unpublish", args=[world[key].pk]), {})
        return _live(world[key])

    return _unpublish


def _convert_to_alias(client, world):
    client.post(reverse("wagtail_localize:convert_to_alias", args=[world["fa"].pk]), {})
    return Page.objects.get(pk=world["fa"].pk).alias_of_id is None


def _disable_sync(client, world):
    translation = Translation.objects.get(
        source__object_id=world["fa"].translation_key, target_locale=world["fa"].locale
    )
    client.post(reverse("wagtail_localize:stop_translation", args=[translation.pk]), {})
    return Translation.objects.get(pk=translation.pk).enabled


def _delete_source(client, world):
    client.post(reverse("wagtailadmin_pages:delete", args=[world["en"].pk]), {})
    return Page.objects.filter(pk=world["en"].pk).exists()


def _unpublish_snippet(client, world):
    service = world["service_fa"]
    url = reverse("wagtailsnippets_materials_supportservice:unpublish", args=[service.pk])
    client.post(url, {})
    return SupportService.objects.get(pk=service.pk).live


# (door, role, held): held=True means the action must be refused (nothing changes).
CASES = [
    (_bulk_publish("fa"), "admin", True),  # a queued translation is published only by review
    (_bulk_publish("fa"), "editor", True),
    (_bulk_publish("fa"), "translator", True),
    (_bulk_publish("fa"), "reviewer", True),
    (_bulk_publish("en"), "editor", False),  # the door works: editors publish the source
    (_api_publish("fa"), "admin", True),
    (_api_publish("fa"), "translator", True),
    (_api_publish("en"), "admin", False),
    (_unpublish("en"), "translator", True),  # the source: editors only
    (_unpublish("en"), "reviewer", True),
    (_unpublish("en"), "editor", False),
    (_unpublish("fa"), "translator", True),  # the team may not publish
    (_unpublish("fa"), "reviewer", True),  # another locale
    (_unpublish("fa"), "admin", False),
    (_convert_to_alias, "translator", True),
    (_convert_to_alias, "reviewer", True),
    (_convert_to_alias, "admin", False),
    (_disable_sync, "translator", True),
    (_disable_sync, "admin", False),
    (_delete_source, "translator", True),
    (_delete_source, "reviewer", True),
    (_unpublish_snippet, "translator", True),
    (_unpublish_snippet, "reviewer", True),
]


@pytest.mark.parametrize(
    "door, role, held", CASES, ids=[f"{d.__name__}-{r}-{i}" for i, (d, r, _) in enumerate(CASES)]
)
def test_one_rule_for_every_door(client, world, admin_user, door, role, held):
    client.force_login(admin_user if role == "admin" else world[role])
    assert door(client, world) is held
