"""Change log, /changes/ cursor feed, and cache invalidation (local and CDN) on every change."""

import pytest
from wagtail.contrib.frontend_cache.backends import BaseBackend

from cms.api.models import ChangeEvent
from home.demo.translation import translate_object
from tests.factories import AwarenessPageFactory

pytestmark = pytest.mark.django_db
PURGED: list[str] = []


class RecordingBackend(BaseBackend):
    def purge(self, url):
        PURGED.append(url)


@pytest.fixture
def cdn(settings):
    settings.WAGTAILFRONTENDCACHE = {"test": {"BACKEND": f"{__name__}.RecordingBackend"}}
    PURGED.clear()
    return PURGED


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run a change the way a real request does: on_commit callbacks (invalidation) included."""

    def run(action, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return action(*args, **kwargs)

    return run


@pytest.fixture
def page(home_page, commit):
    page = AwarenessPageFactory(parent=home_page, title="Before", slug="rights", live=False)
    commit(page.save_revision().publish)
    page.refresh_from_db()
    return page


def _title(api_client, page_id, **params):
    response = api_client.api(f"/pages/{page_id}/", **params)
    return response.status_code, (response.json_body or {}).get("title"), response.get("ETag")


def test_publish_invalidates_cached_answers_and_purges_cdn(api_client, page, commit, cdn):
    status, title, etag = _title(api_client, page.pk)
    assert (status, title) == (200, "Before")
    page.title = "After"
    commit(page.save_revision().publish)
    status, title, new_etag = _title(api_client, page.pk)
    assert title == "After" and new_etag != etag
    assert f"http://testserver/api/partner/v1/pages/{page.pk}/?locale=ar" in cdn
    assert "http://testserver/api/partner/v1/pages/?locale=ti" in cdn


def test_unpublish_move_and_delete_are_invalidated(api_client, page, home_page, commit):
    assert _title(api_client, page.pk)[0] == 200
    commit(page.unpublish)
    assert _title(api_client, page.pk)[0] == 404
    commit(page.save_revision().publish)
    page.refresh_from_db()
    section = AwarenessPageFactory(parent=home_page, slug="section")
    assert api_client.api("/pages/by-path/", path="/en/rights/").status_code == 200
    commit(page.move, section, pos="last-child")
    page.refresh_from_db()
    assert api_client.api("/pages/by-path/", path="/en/rights/").status_code == 404
    assert api_client.api("/pages/by-path/", path="/en/section/rights/").status_code == 200
    commit(page.delete)
    assert _title(api_client, page.pk)[0] == 404
    events = [(e.event, e.object_id) for e in ChangeEvent.objects.filter(object_id=page.pk)]
    assert events == [
        ("published", page.pk),
        ("unpublished", page.pk),
        ("published", page.pk),
        ("published", page.pk),  # the move changed its URL
        ("deleted", page.pk),
    ]


def test_translation_published_through_wagtail_localize_invalidates(
    api_client, page, admin_user, commit
):
    assert api_client.api(f"/pages/{page.pk}/", locale="ar").status_code == 404
    commit(translate_object, page, admin_user, only=["ar"])
    response = api_client.api(f"/pages/{page.pk}/", locale="ar")
    assert response.status_code == 200 and response.json_body["locale"] == "ar"
    ar = ChangeEvent.objects.filter(locale="ar").get()
    assert ar.event == "published" and ar.translation_key == page.translation_key


def test_changes_feed_pages_by_cursor_with_tombstones(api_client, page, commit):
    start = api_client.api("/changes/").json_body["next_cursor"]
    commit(page.unpublish)
    commit(page.save_revision().publish)
    page.refresh_from_db()
    commit(page.unpublish)
    first = api_client.api("/changes/", since=start, limit=2).json_body
    assert [i["event"] for i in first["items"]] == ["unpublished", "published"]
    assert first["has_more"] is True
    rest = api_client.api("/changes/", since=first["next_cursor"]).json_body
    assert [i["event"] for i in rest["items"]] == ["unpublished"]
    assert rest["has_more"] is False
    item = rest["items"][0]
    assert item["type"] == "protect.AwarenessPage" and item["locale"] == "en"
    assert item["translation_key"] == str(page.translation_key)
    assert item["event_id"].startswith("evt_")
    empty = api_client.api("/changes/", since=rest["next_cursor"]).json_body
    assert empty["items"] == [] and empty["next_cursor"] == rest["next_cursor"]
    assert api_client.api("/changes/", locale="ar").json_body["items"] == []


@pytest.mark.parametrize("since", ["abc", "-1", "1.5"])
def test_bad_cursor_is_400(api_client, since):
    response = api_client.api("/changes/", since=since)
    assert response.status_code == 400
    assert response.json_body["error"]["code"] == "invalid_cursor"
