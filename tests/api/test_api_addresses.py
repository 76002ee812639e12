"""Issue 9.7 and 11.4: absolute URLs come from PUBLIC_BASE_URL; the Host header and unknown query
parameters cannot change or split what is cached."""

import json

import pytest
from wagtail.models import Site

from cms import addresses
from tests.factories import MaterialFactory, VideoPageFactory

pytestmark = pytest.mark.django_db
BASE = "https://protect.example.org"


@pytest.fixture
def public_base(settings, home_page):
    settings.PUBLIC_BASE_URL = BASE
    assert addresses.ensure_default_site() is True
    return BASE


def _urls(value):
    """Every string under a ``url`` or ``src`` key of a JSON answer."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key in ("url", "src") and isinstance(item, str):
                yield item
            else:
                yield from _urls(item)
    elif isinstance(value, list):
        for item in value:
            yield from _urls(item)


def test_url_fields_say_the_configured_base(api_client, public_base, awareness, home_page):
    MaterialFactory(files=[("en", "screen")])
    video = VideoPageFactory(parent=home_page, slug="video")
    answers = [
        api_client.api("/pages/").json_body,
        api_client.api(f"/pages/{awareness.pk}/").json_body,
        api_client.api("/materials/").json_body,
        api_client.api(f"/videos/{video.pk}/").json_body,
    ]
    urls = [url for answer in answers for url in _urls(answer)]
    assert len(urls) >= 4
    external = "https://media.example.org/"  # the factory's externally hosted video file
    assert [url for url in urls if not url.startswith((BASE + "/", external))] == []
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.root_url) == ("protect.example.org", 443, BASE)


def test_the_site_follows_the_base_only_when_it_differs(settings, home_page):
    settings.PUBLIC_BASE_URL = "http://cms.example.org:8080/"
    assert addresses.ensure_default_site() is True
    assert addresses.ensure_default_site() is False
    assert Site.objects.get(is_default_site=True).root_url == "http://cms.example.org:8080"
    assert addresses.absolute("/media/a.pdf") == "http://cms.example.org:8080/media/a.pdf"
    assert addresses.absolute("https://cdn.example.net/a.pdf") == "https://cdn.example.net/a.pdf"


def test_host_header_cannot_poison_cached_answers(api_client, public_base, awareness):
    MaterialFactory(files=[("en", "screen")])
    for path in ("/api/partner/v1/materials/", f"/api/partner/v1/pages/{awareness.pk}/"):
        evil = api_client.get(path, HTTP_HOST="evil.example")
        assert evil.status_code == 200 and b"evil.example" not in evil.content
        honest = api_client.get(path, HTTP_HOST="protect.example.org")
        assert honest["X-Cache"] == "miss", "another host never reads the entry it wrote"
        assert b"evil.example" not in honest.content
        assert honest["ETag"] == evil["ETag"]  # the same content either way


def test_disallowed_host_is_a_json_400(api_client, settings):
    settings.ALLOWED_HOSTS = ["protect.example.org"]
    response = api_client.get("/api/partner/v1/locales/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert json.loads(response.content)["error"]["code"] == "invalid_host"


def test_unknown_query_parameters_hit_the_same_entry_and_etag(api_client, awareness):
    first = api_client.api("/pages/")
    assert first["X-Cache"] == "miss"
    busted = api_client.api("/pages/", zzz="1", _="12345")
    assert busted["X-Cache"] == "hit" and busted["ETag"] == first["ETag"]
    revalidated = api_client.get("/api/partner/v1/pages/?zzz=2", HTTP_IF_NONE_MATCH=first["ETag"])
    assert revalidated.status_code == 304


def test_known_query_parameters_stay_in_the_key(api_client, translated):
    english = api_client.api("/pages/")
    arabic = api_client.api("/pages/", locale="ar")
    assert arabic["X-Cache"] == "miss" and arabic["ETag"] != english["ETag"]
    assert arabic.json_body["items"][0]["locale"] == "ar"
    reordered = api_client.get("/api/partner/v1/pages/?zzz=1&locale=ar")
    assert reordered["X-Cache"] == "hit" and reordered["ETag"] == arabic["ETag"]
