"""Every registered admin URL is classified, and every state-changing one refuses anonymous
users and requests without a CSRF token (the role checks: test_rules.py)."""

import pytest
from django.test import Client

from tests.support.admin_urls import (
    ACCOUNT,
    READ,
    admin_patterns,
    drf_session_view,
    example_path,
    kind,
)

OURS = ("wagtail", "wagtail_localize", "cms", "protect", "materials", "home", "django")


def _changing():
    return [
        (route, name, view)
        for route, name, view in admin_patterns()
        if kind(route, name) not in (READ, ACCOUNT, None)
    ]


def test_every_admin_url_is_classified():
    patterns = admin_patterns()
    assert len(patterns) > 250  # Wagtail's admin, wagtail-localize's and ours are all there
    modules = {view.__module__.split(".")[0] for _, _, view in patterns}
    assert {"wagtail", "wagtail_localize", "cms"} <= modules
    unclassified = [f"{route} ({name})" for route, name, _ in patterns if kind(route, name) is None]
    assert unclassified == [], "say how these admin URLs are guarded: tests/support/admin_urls.py"
    assert all(view.__module__.startswith(OURS) for _, _, view in patterns)


@pytest.mark.django_db
def test_state_changing_urls_need_a_csrf_token(admin_user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(admin_user)
    missing = []
    changing = _changing()
    assert len(changing) > 80
    for route, name, view in changing:
        if getattr(view, "csrf_exempt", False):
            if not drf_session_view(view):
                missing.append(f"{route} ({name}): exempt from CSRF")
            continue
        response = client.post(example_path(route), {"action": "publish"})
        if response.status_code != 403 or b"CSRF" not in response.content:
            missing.append(f"{route} ({name}): {response.status_code}")
    assert missing == []


@pytest.mark.django_db
def test_state_changing_urls_refuse_anonymous_users(client):
    let_in = []
    for route, name, _ in _changing():
        response = client.post(example_path(route), {"action": "publish"})
        to_login = response.status_code == 302 and "login" in response["Location"]
        if not (to_login or response.status_code in (401, 403)):
            let_in.append(f"{route} ({name}): {response.status_code}")
    assert let_in == []
