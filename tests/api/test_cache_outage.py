"""Fault: the shared cache (Redis) is down. The partner API answers uncached JSON, does not count
requests for rate limits, and is served again from the cache once Redis is back (issue 11.5)."""

import socket

import pytest

REDIS_DOWN = {
    "default": {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": "redis://127.0.0.1:{port}/0",
        "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 1, "SOCKET_TIMEOUT": 1},
    }
}


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]  # nothing listens once the socket is closed


def _take_redis_down(settings):
    caches = {alias: dict(conf) for alias, conf in REDIS_DOWN.items()}
    caches["default"]["LOCATION"] = caches["default"]["LOCATION"].format(port=_closed_port())
    settings.CACHES = caches
    settings.PARTNER_API_RATE_TIERS = {**settings.PARTNER_API_RATE_TIERS, "anonymous": 2}


@pytest.fixture
def redis_down(settings):
    _take_redis_down(settings)


@pytest.mark.parametrize("endpoint", ["/locales/", "/pages/?locale=en", "/videos/?locale=en"])
def test_api_answers_json_while_redis_is_down(api_client, awareness, redis_down, endpoint):
    for _ in range(4):  # past the anonymous limit of 2: nothing is counted without the cache
        response = api_client.api(endpoint)
        assert response.status_code == 200, response.content[:500]
        assert response["Content-Type"].startswith("application/json")
    if endpoint.startswith("/pages/"):
        assert "Know your rights" in [item["title"] for item in response.json_body["items"]]


def test_admin_sessions_survive_while_redis_is_down(client, admin_user, settings):
    """Sessions live in the database, not the cache: an editor logged in before the outage
    stays logged in."""
    client.force_login(admin_user)
    _take_redis_down(settings)
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/pages/").status_code == 200
