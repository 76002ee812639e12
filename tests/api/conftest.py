"""Fixtures for the partner API tests: a client that keeps JSON handy, and small page trees."""

import json
import os
import uuid

import pytest
from django.core.cache import cache, caches
from django.test import Client

from tests.factories import AwarenessPageFactory
from tests.support.pages import translate_page
from tests.support.redis_server import require_redis

API = "/api/partner/v1"


class ApiClient(Client):
    def api(self, endpoint, /, **params):
        response = self.get(API + endpoint, params)
        response.json_body = json.loads(response.content) if response.content else None
        return response


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/3")


@pytest.fixture
def redis_cache(settings):
    """The shared cache on Redis (django-redis, as in production) instead of the test
    settings' local memory, under a prefix of its own."""
    require_redis(REDIS_URL)
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_TIMEOUT": 1},
            "KEY_PREFIX": f"test-{uuid.uuid4().hex[:8]}",
        }
    }
    yield caches["default"]
    caches["default"].clear()


@pytest.fixture
def api_client():
    return ApiClient(raise_request_exception=False)


@pytest.fixture
def awareness(home_page):
    """A live English awareness page under the home page."""
    return AwarenessPageFactory(parent=home_page, title="Know your rights", slug="rights")


@pytest.fixture
def translated(awareness, locales):
    """``awareness`` live in en, ar and ti; a draft (never published) Farsi translation."""
    return {
        "en": awareness,
        "ar": translate_page(awareness, locales["ar"], title="اعرف حقوقك"),
        "ti": translate_page(awareness, locales["ti"], title="መሰረታዊ መሰላት"),
        "fa": translate_page(awareness, locales["fa"], publish=False, title="پیش‌نویس"),
    }
