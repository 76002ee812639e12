"""The partner API skips the site's session, locale, CSRF, auth, messages, redirects and axes
middleware (cms/api/middleware.py): its answers still carry the site's security headers, set
no cookie, do not vary with the visitor's language, and errors stay the contract's JSON."""

import json

import pytest
from django.test import override_settings

from cms.api import middleware, urls

pytestmark = pytest.mark.django_db
SECURITY = ("X-Frame-Options", "Content-Security-Policy", "Referrer-Policy")


@pytest.mark.parametrize("path", ["/locales/", "/pages/?locale=en", "/nothing-here/"])
def test_misses_hits_and_errors_carry_the_site_security_headers(api_client, awareness, path):
    first = api_client.get("/api/partner/v1" + path, HTTP_ORIGIN="https://ngo.example")
    second = api_client.get("/api/partner/v1" + path, HTTP_ORIGIN="https://ngo.example")
    for response in (first, second):
        assert [name for name in SECURITY if name not in response] == []
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Access-Control-Allow-Origin"] == "*"
        assert response["Content-Length"] == str(len(response.content))
        assert not response.cookies
        assert "Accept-Language" not in response.get("Vary", "")
    assert "'nonce-" not in first["Content-Security-Policy"]


def test_the_answer_does_not_depend_on_the_visitors_language(api_client, awareness):
    english = api_client.get("/api/partner/v1/nothing-here/", HTTP_ACCEPT_LANGUAGE="en")
    arabic = api_client.get("/api/partner/v1/nothing-here/", HTTP_ACCEPT_LANGUAGE="ar")
    assert english.content == arabic.content
    assert json.loads(arabic.content)["error"]["code"] == "not_found"
    assert "Content-Language" not in arabic


def test_paths_outside_the_routes_are_json_404s_not_locale_redirects(api_client):
    for path in ("/api/partner/", "/api/partner/v2/pages/"):
        response = api_client.get(path)
        assert response.status_code == 404, path
        assert json.loads(response.content)["error"]["code"] == "not_found"
        assert response["Cache-Control"] == "no-store"


def test_a_view_that_raises_is_a_json_500(api_client, monkeypatch):
    def broken(request, page_id, language):
        raise RuntimeError("bug")

    monkeypatch.setattr(middleware, "_resolved", type(middleware._resolved)())  # none remembered
    pattern = next(p for p in urls.urlpatterns if getattr(p, "name", "") == "video_track")
    monkeypatch.setattr(pattern, "callback", broken)
    response = api_client.get("/api/partner/v1/videos/1/tracks/ar.vtt")
    assert response.status_code == 500
    assert json.loads(response.content)["error"]["code"] == "server_error"
    assert b"bug" not in response.content


@override_settings(X_FRAME_OPTIONS="SAMEORIGIN")
def test_x_frame_options_follows_the_setting(api_client):
    assert api_client.get("/api/partner/v1/locales/")["X-Frame-Options"] == "SAMEORIGIN"
