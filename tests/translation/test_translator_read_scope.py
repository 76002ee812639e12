"""Issue 11.3: translators see no other locale's drafts — not in the page chooser (browse and
search), the admin's page search and explorer, the reports, or the translation queue's pages."""

import pytest
from django.urls import reverse

from tests.factories import AwarenessPageFactory, MaterialFactory

MARK = "Zebra-draft-marker"


@pytest.fixture
def spanish_draft(fr_home, locales):
    es_home = fr_home.get_translation(locales["es"])
    return AwarenessPageFactory(parent=es_home, title=MARK, slug="zebra-draft", live=False)


@pytest.fixture
def french_draft(fr_home):
    return AwarenessPageFactory(parent=fr_home, title="Brouillon-zebre", live=False)


def _paths(spanish_draft) -> list[str]:
    es_home = spanish_draft.get_parent()
    return [
        reverse("wagtailadmin_choose_page"),
        reverse("wagtailadmin_choose_page_child", args=[es_home.pk]),
        reverse("wagtailadmin_choose_page_search") + "?q=Zebra",
        reverse("wagtailadmin_pages:search") + "?q=Zebra",
        reverse("wagtailadmin_explore", args=[es_home.pk]),
        reverse("wagtailadmin_reports:locked_pages"),
        reverse("wagtailadmin_reports:workflow"),
        reverse("wagtailadmin_reports:workflow_tasks"),
        reverse("wagtailadmin_reports:site_history"),
        reverse("wagtailadmin_reports:aging_pages"),
        reverse("wagtailadmin_reports:page_types_usage"),
        reverse("translation_queue:index"),
        reverse("translation_queue:coverage"),
    ]


def test_translator_sees_no_draft_of_another_locale(client, users, spanish_draft, french_draft):
    spanish_draft.save_revision(user=users["outsider"])
    client.force_login(users["translator"])
    leaks = {}
    for path in _paths(spanish_draft):
        response = client.get(path)
        assert response.status_code < 500, (path, response.status_code)
        if MARK in response.content.decode():
            leaks[path] = response.status_code
    assert leaks == {}


def test_translator_still_chooses_pages_of_their_own_locale(client, users, french_draft):
    client.force_login(users["translator"])
    response = client.get(reverse("wagtailadmin_choose_page_search") + "?q=Brouillon")
    assert response.status_code == 200
    assert "Brouillon-zebre" in response.content.decode()


def test_editors_keep_seeing_every_locale_in_the_chooser(client, admin_user, spanish_draft):
    client.force_login(admin_user)
    response = client.get(reverse("wagtailadmin_choose_page_search") + "?q=Zebra")
    assert MARK in response.content.decode()
    report = client.get(reverse("wagtailadmin_reports:page_types_usage"))
    assert report.status_code == 200 and MARK in report.content.decode()


def test_the_report_override_still_asks_anonymous_visitors_to_log_in(client):
    response = client.get(reverse("wagtailadmin_reports:page_types_usage"))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_translator_sees_no_material_draft_of_another_locale(client, users, locales):
    MaterialFactory(title=MARK, locale=locales["es"], files=[], publish=False)
    client.force_login(users["translator"])
    leaks = {}
    for name in ("wagtailsnippetchoosers_materials_material:choose",
                 "wagtailsnippets_materials_material:list",
                 "wagtailsnippets_materials_country:list",
                 "wagtailsnippetchoosers_materials_supportservice:choose"):  # fmt: skip
        response = client.get(reverse(name) + "?q=Zebra")
        assert response.status_code < 500, (name, response.status_code)
        if MARK in response.content.decode():
            leaks[name] = response.status_code
    assert leaks == {}


def test_editors_search_the_material_library(client, admin_user, locales):
    """The library's admin search works on SQLite too (it named fields, which the SQLite
    full-text backend cannot search: a 500)."""
    MaterialFactory(title="Zebra leaflet", files=[], publish=False)
    client.force_login(admin_user)
    for name in ("wagtailsnippets_materials_material:list",
                 "wagtailsnippetchoosers_materials_material:choose",
                 "wagtailsnippets_materials_supportservice:list"):  # fmt: skip
        response = client.get(reverse(name) + "?q=Zebra")
        assert response.status_code == 200, name
    assert (
        "Zebra leaflet"
        in client.get(
            reverse("wagtailsnippets_materials_material:list") + "?q=Zebra"
        ).content.decode()
    )
