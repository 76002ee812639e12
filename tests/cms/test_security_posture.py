"""Production posture on every answer: CSP (django-csp) on rendered pages and the admin,
nosniff, no-referrer on the public site, and a rate-limited admin login (django-axes)."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

pytestmark = pytest.mark.django_db


def _csp(response) -> dict[str, str]:
    policy = response["Content-Security-Policy"]
    return dict((part.strip().split(" ", 1) + [""])[:2] for part in policy.split(";") if part)


@pytest.mark.parametrize("url", ["/en/", "/admin/login/"])
def test_rendered_pages_and_the_admin_carry_a_csp(client, home_page, url):
    response = client.get(url)
    assert response.status_code == 200
    policy = _csp(response)
    assert policy["default-src"] == "'self'"
    assert policy["object-src"] == "'none'"
    # Only Wagtail's admin may run inline scripts (cms/csp.py); rendered pages may not.
    assert ("'unsafe-inline'" in policy["script-src"]) == url.startswith("/admin/")
    assert policy["script-src"].startswith("'self'")
    assert response["X-Content-Type-Options"] == "nosniff"


def test_public_pages_send_no_referrer(client, home_page):
    assert client.get("/en/")["Referrer-Policy"] == "no-referrer"


def _login(client, password):
    return client.post(
        "/admin/login/", {"username": "editor", "password": password, "next": "/admin/"}
    )


def test_admin_login_is_locked_after_five_failures(home_page):
    get_user_model().objects.create_user("editor", "e@example.org", "right-password-123")
    client = Client(REMOTE_ADDR="203.0.113.7")
    for _ in range(4):
        assert _login(client, "wrong").status_code == 200  # the form again, with an error
    assert _login(client, "wrong").status_code == 429  # the fifth failure locks
    assert _login(client, "right-password-123").status_code == 429  # even the right password
    # Another address is not locked out by this one's failures.
    other = Client(REMOTE_ADDR="198.51.100.9")
    assert _login(other, "right-password-123").status_code == 302
