"""Issue 9.8: the client IP for rate limits behind proxies (TRUSTED_PROXY_COUNT)."""

import pytest
from django.test import RequestFactory

from cms.client_ip import client_ip

FACTORY = RequestFactory()


def _request(forwarded=None, remote="10.0.0.2"):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return FACTORY.get("/", **extra)


@pytest.mark.parametrize(
    "count, forwarded, expected",
    [
        (0, "203.0.113.7", "10.0.0.2"),  # no proxy: the header is anyone's to send
        (1, "203.0.113.7", "203.0.113.7"),
        (1, "6.6.6.6, 203.0.113.7", "203.0.113.7"),  # spoofed leftmost entry ignored
        (1, "6.6.6.6,7.7.7.7 , 203.0.113.7", "203.0.113.7"),
        (2, "6.6.6.6, 203.0.113.7, 10.0.0.9", "203.0.113.7"),  # CDN + balancer
        (2, "203.0.113.7", "10.0.0.2"),  # bypassed a proxy: not enough entries
        (1, "not-an-ip", "10.0.0.2"),
        (1, "2001:db8::1", "2001:db8::1"),
        (1, None, "10.0.0.2"),
    ],
)
def test_client_ip_is_the_nth_entry_from_the_right(settings, count, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = count
    assert client_ip(_request(forwarded)) == expected


@pytest.mark.django_db
def test_spoofed_forwarded_for_does_not_escape_the_rate_limit(settings, client):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.PARTNER_API_RATE_TIERS = {**settings.PARTNER_API_RATE_TIERS, "anonymous": 2}
    statuses = [
        client.get(
            "/api/partner/v1/pages/",
            {"locale": code},  # a known parameter: each request is an uncached one
            HTTP_X_FORWARDED_FOR=f"198.51.100.{n}, 203.0.113.7",
        ).status_code
        for n, code in enumerate(["en", "ar", "fa"])
    ]
    assert statuses == [200, 200, 429]
