"""Partner keys, rate tiers (429 + Retry-After, uncached requests only) and CORS."""

import pytest

from cms.api.models import PartnerKey
from tests.factories import AwarenessPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def tiers(settings, monkeypatch):
    settings.PARTNER_API_RATE_TIERS = {"anonymous": 2, "standard": 5, "premium": 50}
    # One fixed moment: the test must not straddle two one-minute windows.
    monkeypatch.setattr("cms.api.ratelimit.time.time", lambda: 1_800_000_030.0)


def test_anonymous_rate_limit_counts_only_uncached_requests(api_client, tiers):
    for _ in range(10):  # one miss, then cache hits: never limited
        assert api_client.api("/locales/").status_code == 200
    assert api_client.api("/pages/").status_code == 200  # second uncached request
    limited = api_client.api("/pages/", limit=5)
    assert limited.status_code == 429
    assert limited.json_body["error"]["code"] == "rate_limited"
    assert int(limited["Retry-After"]) == 31
    assert api_client.api("/locales/").status_code == 200  # cached answers still flow


def test_partner_key_selects_a_higher_tier(api_client, tiers):
    key = PartnerKey.objects.create(name="NGO", tier="standard")
    for n in range(5):
        response = api_client.get(
            "/api/partner/v1/pages/", {"limit": n + 1}, HTTP_X_API_KEY=key.key
        )
        assert response.status_code == 200
    response = api_client.get("/api/partner/v1/pages/", {"limit": 9}, HTTP_X_API_KEY=key.key)
    assert response.status_code == 429


def test_unknown_or_revoked_key_is_401(api_client):
    key = PartnerKey.objects.create(name="Old", tier="premium", is_active=False)
    for value in ("nope", key.key):
        response = api_client.get("/api/partner/v1/pages/", HTTP_X_API_KEY=value)
        assert response.status_code == 401
        assert b"invalid_api_key" in response.content


def test_key_never_widens_visibility(api_client, home_page):
    AwarenessPageFactory(parent=home_page, title="Draft", slug="draft", live=False)
    key = PartnerKey.objects.create(name="NGO", tier="premium")
    response = api_client.get("/api/partner/v1/pages/", HTTP_X_API_KEY=key.key)
    assert b"Draft" not in response.content


def test_cors_on_api_and_preflight(api_client):
    response = api_client.get("/api/partner/v1/locales/", HTTP_ORIGIN="https://ngo.example")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response
    assert "etag" in response["Access-Control-Expose-Headers"].lower()
    preflight = api_client.options(
        "/api/partner/v1/pages/",
        HTTP_ORIGIN="https://ngo.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="x-api-key, if-none-match",
    )
    assert preflight.status_code == 200
    assert preflight["Access-Control-Allow-Origin"] == "*"
    assert "x-api-key" in preflight["Access-Control-Allow-Headers"]


def test_no_cors_outside_the_api(api_client, home_page):
    response = api_client.get("/en/", HTTP_ORIGIN="https://ngo.example")
    assert "Access-Control-Allow-Origin" not in response


def test_partner_keys_are_managed_in_the_admin(client, admin_user):
    client.force_login(admin_user)
    response = client.post(
        "/admin/partner_keys/new/", {"name": "Red Cross NL", "tier": "premium", "is_active": "on"}
    )
    assert response.status_code == 302
    key = PartnerKey.objects.get(name="Red Cross NL")
    assert len(key.key) >= 40
    assert key.key.encode() in client.get("/admin/partner_keys/").content
