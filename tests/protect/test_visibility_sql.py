"""``visibility.visible_sql`` (the raw queries' copy of the rule) selects what ``public_pages``
selects, and the raw track and video queries built on it hide what the rule hides."""

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import connection
from wagtail.models import Page, PageViewRestriction

from cms.api import versions
from cms.visibility import public_pages, visible_sql
from tests.factories import AwarenessPageFactory, VideoPageFactory
from tests.support.pages import translate_page
from tests.support.subtitles import spaced_cues

pytestmark = pytest.mark.django_db

API = "/api/partner/v1"


def _restrict(page, kind: str) -> None:
    if kind == "password":
        PageViewRestriction.objects.create(page=page, restriction_type="password", password="x")
    else:
        restriction = PageViewRestriction.objects.create(page=page, restriction_type="groups")
        restriction.groups.add(Group.objects.create(name=f"Readers of {page.pk}"))


def _visible_by_sql() -> set[int]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT p.id FROM wagtailcore_page p WHERE {visible_sql('p')}")
        return {pk for (pk,) in cursor.fetchall()}


def test_visible_sql_selects_exactly_the_public_pages(home_page):
    page = AwarenessPageFactory(parent=home_page)
    child = AwarenessPageFactory(parent=page)
    grandchild = AwarenessPageFactory(parent=child)
    hidden = {AwarenessPageFactory(parent=home_page, live=False).pk}  # a draft leaf
    draft_with_child = AwarenessPageFactory(parent=page)
    hidden |= {draft_with_child.pk, AwarenessPageFactory(parent=draft_with_child).pk}
    draft_with_child.unpublish()  # a withdrawn section inside a live one
    withdrawn = AwarenessPageFactory(parent=home_page)
    below = AwarenessPageFactory(parent=AwarenessPageFactory(parent=withdrawn))
    hidden |= {withdrawn.pk, below.pk, below.get_parent().pk}
    withdrawn.unpublish()
    withdrawn_leaf = AwarenessPageFactory(parent=home_page)
    withdrawn_leaf.unpublish()
    hidden.add(withdrawn_leaf.pk)
    for kind in ("password", "groups"):
        section = AwarenessPageFactory(parent=home_page)
        nested = AwarenessPageFactory(parent=AwarenessPageFactory(parent=section))
        _restrict(section, kind)
        hidden |= {section.pk, nested.pk, nested.get_parent().pk}
    # A restriction on a leaf hides the leaf only (not its sibling with a longer path).
    private_leaf = AwarenessPageFactory(parent=child)
    _restrict(private_leaf, "password")
    hidden.add(private_leaf.pk)
    root = Page.get_first_root_node().pk

    by_orm = set(public_pages().values_list("pk", flat=True))
    assert _visible_by_sql() == by_orm
    assert {home_page.pk, page.pk, child.pk, grandchild.pk} <= by_orm
    assert not (hidden | {root}) & by_orm
    assert by_orm == set(Page.objects.values_list("pk", flat=True)) - hidden - {root}


def _get(client, path: str):
    cache.clear()  # the state changed inside the test's transaction: no version bump on commit
    versions.forget()
    return client.get(API + path)


@pytest.fixture
def sectioned_video(home_page, locales):
    """A video in en and ar, each under its own copy of a section."""
    section = AwarenessPageFactory(parent=home_page)
    video = VideoPageFactory(parent=section, cues=spaced_cues("No one", "has the right"))
    ar = translate_page(video, locales["ar"], title="لا أحد", cues=spaced_cues("لا أحد", "له"))
    return section, video, ar


@pytest.mark.parametrize("hide", ["withdrawn", "password", "groups"])
def test_a_hidden_section_hides_the_video_and_its_tracks(client, sectioned_video, hide):
    section, video, ar = sectioned_video
    assert _get(client, f"/videos/{video.pk}/").status_code == 200
    assert _get(client, f"/videos/{video.pk}/tracks/en.vtt").status_code == 200
    if hide == "withdrawn":
        section.unpublish()
    else:
        _restrict(section, hide)

    assert _get(client, f"/videos/{video.pk}/").status_code == 404
    for lang in ("en", "ar"):
        assert _get(client, f"/videos/{video.pk}/tracks/{lang}.vtt").status_code == 404
        assert _get(client, f"/videos/{video.pk}/transcript/{lang}.txt").status_code == 404
    if hide == "withdrawn":  # withdrawing a source withdraws its translations (Arabic section)
        assert not ar.get_parent().live
        assert _get(client, f"/videos/{ar.pk}/?fallback=ar").status_code == 404
        assert _get(client, f"/videos/{ar.pk}/tracks/ar.vtt").status_code == 404
        return
    # Reached through the Arabic page (its own section is public), English is gone everywhere.
    body = _get(client, f"/videos/{ar.pk}/?locale=en&fallback=ar").json()
    assert body["id"] == ar.pk
    assert [t["srclang"] for t in body["tracks"]] == ["ar"]
    assert [t["locale"] for t in body["translations"]] == ["ar"]
    assert _get(client, f"/videos/{ar.pk}/tracks/en.vtt").status_code == 404
    assert _get(client, f"/videos/{ar.pk}/?locale=en").status_code == 404
    assert _get(client, f"/videos/{ar.pk}/tracks/ar.vtt").status_code == 200


@pytest.mark.parametrize("state", ["draft", "private", "withdrawn"])
def test_the_track_of_a_hidden_translation_is_404(client, home_page, locales, state):
    video = VideoPageFactory(parent=home_page, cues=spaced_cues("No one", "has the right"))
    ar = translate_page(
        video, locales["ar"], publish=state != "draft", cues=spaced_cues("لا أحد", "له")
    )
    assert ar.track_file.cue_count == 2  # a draft's cues are stored too: only the rule hides it
    if state == "private":
        _restrict(ar, "password")
    elif state == "withdrawn":
        ar.get_parent().unpublish()  # the Arabic home page

    for path in ("tracks/ar.vtt", "transcript/ar.txt"):
        assert _get(client, f"/videos/{video.pk}/{path}").status_code == 404
    assert _get(client, f"/videos/{video.pk}/tracks/en.vtt").status_code == 200
    tracks = _get(client, f"/videos/{video.pk}/").json()["tracks"]
    assert [t["srclang"] for t in tracks] == ["en"]
