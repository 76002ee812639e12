"""Writes to the shared cache: on Redis without waiting for the answer (cms/api/caching.py),
still readable by every process right after, with the TTL asked for."""

import pytest
from django.core.cache import caches

from cms.api import caching, local_cache

pytestmark = pytest.mark.django_db


def test_a_write_without_reply_is_read_back_with_its_ttl(redis_cache):
    key = caching.response_key("t0k3n", "host", "/api/partner/v1/locales/", "")
    entry = {"content": "العربية".encode() * 5000, "headers": {"Content-Type": "text/vtt"}}
    caching.cache_set(key, entry, 120)
    local_cache.clear()  # another process: only the shared cache has it
    assert caching.cache_get(key) == entry
    assert 0 < redis_cache.ttl(key) <= 120
    # The connection stays in step: the next commands get their own answers.
    redis_cache.set("partner_api:probe", 7, 60)
    assert redis_cache.get("partner_api:probe") == 7
    assert redis_cache.incr("partner_api:probe") == 8


def test_an_api_answer_written_without_reply_is_a_shared_hit(api_client, redis_cache):
    assert api_client.api("/locales/")["X-Cache"] == "miss"
    local_cache.clear()  # another process
    assert api_client.api("/locales/")["X-Cache"] == "hit"


def test_other_backends_write_normally():
    assert not hasattr(caches["default"], "client")  # the test settings' local memory
    assert caching._set_without_reply("partner_api:x", 1, 60) is False
    caching.cache_set("partner_api:x", 1, 60)
    assert caching.cache_get("partner_api:x") == 1
