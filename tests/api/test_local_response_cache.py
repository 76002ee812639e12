"""The per-process LRU in front of the shared response cache (cms/api/local_cache.py) and the
memoised query checks of the warm path."""

import types

import pytest
from django.core.cache import cache
from django.test import RequestFactory
from django.utils import timezone
from wagtail.models import Page, Site

from cms.api import cache_keys, caching, local_cache, params, versions
from cms.api.errors import ApiError
from cms.api.models import ContentVersion

pytestmark = pytest.mark.django_db


class CountingCache:
    """Stands for the shared cache (Redis): counts reads, optionally refuses them."""

    def __init__(self, real, broken=False):
        self.real, self.broken, self.reads = real, broken, 0

    def get(self, key, default=None):
        self.reads += 1
        if self.broken:
            raise ConnectionError("the shared cache must not be asked")
        return self.real.get(key, default)

    def set(self, *args, **kwargs):
        return self.real.set(*args, **kwargs)


@pytest.fixture
def shared(monkeypatch):
    counting = CountingCache(caching._cache())
    monkeypatch.setattr(caching, "_cache", lambda: counting)
    return counting


def _page(api_client, page):
    return api_client.api(f"/pages/{page.pk}/")


def test_a_warm_answer_comes_from_the_local_lru_without_the_shared_cache(
    api_client, awareness, shared, django_assert_max_num_queries
):
    first = _page(api_client, awareness)
    assert first["X-Cache"] == "miss"
    shared.broken = True  # any read of the shared cache now raises (and would count)
    with django_assert_max_num_queries(0):  # the version memo is fresh: no query either
        again = _page(api_client, awareness)
    assert again["X-Cache"] == "hit"
    assert again.content == first.content
    assert again["ETag"] == first["ETag"]
    assert again["Content-Language"] == first["Content-Language"] == "en"
    assert shared.reads == 1  # the miss only


def test_a_shared_hit_fills_the_local_lru(api_client, awareness, shared):
    first = _page(api_client, awareness)
    local_cache.clear()  # as a process that has not answered this URL yet
    assert _page(api_client, awareness)["X-Cache"] == "hit"
    assert shared.reads == 2
    third = _page(api_client, awareness)
    assert third["X-Cache"] == "hit" and third.content == first.content
    assert shared.reads == 2


def test_head_on_a_local_hit_leaves_the_stored_answer_whole(api_client, awareness):
    first = _page(api_client, awareness)
    head = api_client.head(f"/api/partner/v1/pages/{awareness.pk}/")
    assert head["X-Cache"] == "hit" and head.content == b""
    assert head["Content-Length"] == str(len(first.content))
    assert _page(api_client, awareness).content == first.content


def test_a_bump_by_another_process_is_never_answered_from_the_local_entry(
    api_client, awareness, shared
):
    before = _page(api_client, awareness)
    assert _page(api_client, awareness)["X-Cache"] == "hit"
    # Another process publishes: the row changes under this process, no signal reaches it.
    Page.objects.filter(pk=awareness.pk).update(title="Changed elsewhere")
    old_token = ContentVersion.objects.get(pk=1).token
    ContentVersion.objects.filter(pk=1).update(token="elsewhere", changed_at=timezone.now())
    versions.forget()  # what a second past the memo does
    after = _page(api_client, awareness)
    assert after["X-Cache"] == "miss"
    assert after.json_body["title"] == "Changed elsewhere"
    assert after["ETag"] != before["ETag"]
    assert _page(api_client, awareness).json_body["title"] == "Changed elsewhere"
    # The old entry is gone from this process; only the shared cache still holds its key.
    old_key = caching.response_key(
        old_token, "testserver", f"/api/partner/v1/pages/{awareness.pk}/", ""
    )
    assert cache.get(old_key) is not None
    assert old_key not in local_cache._entries and len(local_cache._entries) == 1


def test_the_byte_bound_evicts_the_least_recently_used(settings):
    entry = {"content": b"x" * 1000, "headers": {"Content-Type": "application/json"}}
    one = local_cache._size("a", entry)
    settings.PARTNER_API_LOCAL_CACHE_BYTES = 2 * one + one // 2  # room for two entries
    local_cache.put("a", "t", entry, 60)
    local_cache.put("b", "t", entry, 60)
    assert local_cache.get("a", "t") is entry  # "a" is now the most recently used
    local_cache.put("c", "t", entry, 60)
    assert local_cache.get("b", "t") is None
    assert local_cache.get("a", "t") is entry and local_cache.get("c", "t") is entry
    assert local_cache.size() == 2 * one
    big = {"content": b"x" * (3 * one), "headers": {}}
    local_cache.put("big", "t", big, 60)  # larger than the bound: not kept, nothing evicted
    assert local_cache.get("big", "t") is None and local_cache.get("a", "t") is entry


def test_a_new_token_clears_everything(settings):
    entry = {"content": b"{}", "headers": {}}
    local_cache.put("a", "t1", entry, 60)
    assert local_cache.get("a", "t2") is None
    assert local_cache.size() == 0
    assert local_cache.get("a", "t1") is None  # gone, not hidden


def test_entries_expire_within_the_shared_ttl(settings, monkeypatch):
    clock = [1000.0]
    monkeypatch.setattr(local_cache, "time", types.SimpleNamespace(monotonic=lambda: clock[0]))
    settings.PARTNER_API_CACHE_SECONDS = 30
    entry = {"content": b"{}", "headers": {}}
    local_cache.put("a", "t", entry, 3600)  # capped at PARTNER_API_CACHE_SECONDS
    clock[0] += 29
    assert local_cache.get("a", "t") is entry
    clock[0] += 2
    assert local_cache.get("a", "t") is None
    assert local_cache.size() == 0


def test_zero_bytes_disables_it(api_client, awareness, shared, settings):
    settings.PARTNER_API_LOCAL_CACHE_BYTES = 0
    for _ in range(3):
        _page(api_client, awareness)
    assert shared.reads == 3  # every answer read from the shared cache
    assert local_cache.size() == 0


def test_other_keys_stay_in_the_shared_cache_only(shared):
    caching.cache_set("partner_api:key:abc", "1:standard", 60)
    assert local_cache.size() == 0
    assert caching.cache_get("partner_api:key:abc") == "1:standard"
    assert shared.reads == 1


def test_clearing_the_shared_cache_in_a_test_clears_the_local_one(api_client, awareness):
    _page(api_client, awareness)
    cache.clear()  # what cold-path tests do
    assert local_cache.size() == 0
    assert _page(api_client, awareness)["X-Cache"] == "miss"


def _request(query: str):
    return RequestFactory().get("/api/partner/v1/pages/", QUERY_STRING=query)


@pytest.mark.parametrize("query", ["search=a%00b", "search=%E2%80%AEevil", "q=" + "x" * 2001])
def test_memoised_check_query_still_rejects_bad_input_each_time(api_client, query):
    params.check_query(_request("locale=en"))  # a good query is remembered…
    for _ in range(3):  # …a bad one never is
        with pytest.raises(ApiError):
            params.check_query(_request(query))
        assert api_client.get(f"/api/partner/v1/pages/?{query}").status_code == 400
    assert all(key[0] != query for key in params._accepted)


def test_an_accepted_query_does_not_accept_a_longer_one(api_client):
    params.check_query(_request("search=ok"))
    with pytest.raises(ApiError):
        params.check_query(_request("search=ok%00"))
    assert api_client.get("/api/partner/v1/pages/?search=ok%00").status_code == 400


def test_canonical_query_is_each_requests_own():
    canonical = cache_keys.canonical_query
    assert canonical(_request("locale=ar&limit=5")) == "limit=5&locale=ar"
    assert canonical(_request("limit=5&locale=ar&zzz=1")) == "limit=5&locale=ar"
    assert canonical(_request("locale=en&limit=5")) == "limit=5&locale=en"
    assert canonical(_request("")) == ""


def test_a_site_change_reaches_cached_answers(
    api_client, awareness, django_capture_on_commit_callbacks
):
    """URLs in answers start with the site's root URL: changing the site is a new version."""
    before = _page(api_client, awareness)
    assert _page(api_client, awareness)["X-Cache"] == "hit"
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "partners.example.org", 443
    with django_capture_on_commit_callbacks(execute=True):
        site.save()
    after = _page(api_client, awareness)
    assert after["X-Cache"] == "miss" and after["ETag"] != before["ETag"]
    assert after.json_body["url"].startswith("https://partners.example.org/")
    assert before.json_body["url"] != after.json_body["url"]
