"""Issue 11.4: schemathesis runs every operation of the partner API's own OpenAPI document against
the app (a few pages in two locales, a video with tracks, a material, a country and a service):
no answer is a 5xx, and every answer is documented — its status code, content type, headers and
body schema. The example count is bounded and the generation derandomized, so CI is deterministic.
"""

import hypothesis
import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from cms.api.api import api
from cms.api.caching import API_PREFIX
from tests.factories import (
    AwarenessPageFactory,
    CountryFactory,
    MaterialFactory,
    SupportServiceFactory,
    VideoPageFactory,
)
from tests.support.pages import translate_page
from tests.support.subtitles import spaced_cues

pytestmark = pytest.mark.django_db

OPENAPI_URL = "/api/partner/v1/openapi.json"


def not_a_server_error_but_oembed_501(ctx, response, case):
    """oEmbed's spec answers 501 to a format it cannot serve (documented, tested in test_oembed):
    the one 5xx allowed, and only with its own error code."""
    if response.status_code == 501 and case.path == f"{API_PREFIX}oembed/":
        assert response.json()["error"]["code"] == "unsupported_format", response.text
        return None
    return not_a_server_error(ctx, response, case)


CHECKS = [
    not_a_server_error_but_oembed_501,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]


@pytest.fixture
def content(home_page, locales):
    rights = AwarenessPageFactory(parent=home_page, title="Know your rights", slug="rights")
    translate_page(rights, locales["ar"], title="اعرف حقوقك")
    AwarenessPageFactory(parent=rights, title="At school", slug="school")
    video = VideoPageFactory(
        parent=home_page, slug="video", cues=spaced_cues("No one has the right", "to hurt you")
    )
    translate_page(video, locales["ar"], title="لا أحد", cues=spaced_cues("لا أحد له الحق"))
    MaterialFactory(locale=locales["en"], files=[("en", "screen"), ("ar", "print")])
    CountryFactory()
    SupportServiceFactory()


@pytest.fixture
def partner_app(content, settings):
    """Django's WSGI handler, serving inside the test's transaction: like Django's test client, it
    must not close the connection at each request's start and end."""
    settings.PARTNER_API_RATE_TIERS = {"anonymous": 10**9, "standard": 10**9, "premium": 10**9}
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield WSGIHandler()
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


# The document the app serves at OPENAPI_URL (built once per process), read at collection so each
# operation is a test of its own; test_the_served_document_is_the_one_tested holds them equal.
# (schemathesis.pytest.from_fixture would load it from the app per test, but it sets the node's
# _nodeid, which pytest 9's nodes no longer have.)
DOCUMENT = api.get_openapi_schema(path_prefix=API_PREFIX)
schema = schemathesis.openapi.from_dict(DOCUMENT)


def test_the_served_document_is_the_one_tested(api_client):
    response = api_client.get(OPENAPI_URL)
    assert response.status_code == 200 and response.json() == DOCUMENT


@schema.parametrize()
@hypothesis.settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(hypothesis.HealthCheck),
)
def test_every_operation_answers_as_documented(case, partner_app):
    case.call_and_validate(app=partner_app, checks=CHECKS)
