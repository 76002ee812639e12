"""Issue 10.7: destructive actions (Delete, Unpublish, Convert to alias, Stop synced translation,
Move, Copy) are not offered to translators — in wagtail-localize's editor, in page listings —
and refused when posted anyway (the one rule, rules.py)."""

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import Translation
from wagtail_localize.operations import translate_object

from tests.support.editor import editor_page, editor_props, props_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def fr_page(page, fr_home, locales):
    translate_object(page, [locales["fr"]])
    return page.get_translation(locales["fr"])


def test_editor_offers_translators_no_destructive_action(client, users, admin_user, fr_page):
    client.force_login(admin_user)
    props = editor_props(client, fr_page)
    assert props["perms"]["canDelete"]  # the door exists: editors are offered it
    assert props["links"]["stopTranslationUrl"] and props["links"]["convertToAliasUrl"]

    client.force_login(users["translator"])
    page = editor_page(client, fr_page)
    props = props_of(page)
    assert not props["perms"]["canDelete"] and not props["perms"]["canUnpublish"]
    assert props["links"]["convertToAliasUrl"] is None
    assert props["links"]["stopTranslationUrl"] is None
    assert "translation/editor-actions.js" in page  # hides the button drawn without a URL


def test_page_listing_offers_translators_no_destructive_button(client, users, fr_home, fr_page):
    explore = reverse("wagtailadmin_explore", args=[fr_home.pk])
    refused = [
        reverse(name, args=[fr_page.pk])
        for name in ("wagtailadmin_pages:delete", "wagtailadmin_pages:move")
    ]
    client.force_login(users["translator"])
    listing = client.get(explore).content.decode()
    assert reverse("wagtailadmin_pages:edit", args=[fr_page.pk]) in listing
    assert not [url for url in refused if url in listing]


def test_destructive_posts_from_translators_are_refused(client, users, fr_page):
    translation = Translation.objects.get(
        source__object_id=fr_page.translation_key, target_locale=fr_page.locale
    )
    client.force_login(users["translator"])
    client.post(reverse("wagtailadmin_pages:delete", args=[fr_page.pk]), {})
    client.post(reverse("wagtail_localize:stop_translation", args=[translation.pk]), {})
    client.post(reverse("wagtail_localize:convert_to_alias", args=[fr_page.pk]), {})
    client.post(reverse("wagtailadmin_pages:unpublish", args=[fr_page.pk]), {})
    page = Page.objects.get(pk=fr_page.pk)
    assert page.alias_of_id is None
    assert Translation.objects.get(pk=translation.pk).enabled
