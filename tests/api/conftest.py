"""Fixtures for the partner API tests: a client that keeps JSON handy, and small page trees."""

import json

import pytest
from django.core.cache import cache
from django.test import Client

from tests.factories import AwarenessPageFactory
from tests.support.pages import translate_page

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
