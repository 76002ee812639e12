"""Survivor safety headers: no referrer leaves public pages; the admin keeps its CSRF working."""

import pytest

pytestmark = pytest.mark.django_db


def test_public_answers_send_no_referrer(client, home_page):
    for path in ("/en/", "/sitemap.xml", "/partner-demo/", "/api/partner/v1/locales/"):
        assert client.get(path)["Referrer-Policy"] == "no-referrer", path


def test_admin_keeps_a_referrer_policy_that_lets_csrf_work(client, admin_user, migrated_basics):
    client.force_login(admin_user)
    assert client.get("/admin/")["Referrer-Policy"] != "no-referrer"
