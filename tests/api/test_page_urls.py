"""``page_urls.full_url`` answers what Wagtail's ``get_full_url`` does, from ``url_path`` alone:
site roots and their translations, nested pages sharing a parent, a section that is the root of
a second site (two roots match its pages: the request's site wins), pages under no site."""

import pytest
from django.test import RequestFactory
from wagtail.models import Page, Site

from cms.api.page_urls import full_url
from tests.factories import AwarenessPageFactory
from tests.support.pages import translate_page

pytestmark = pytest.mark.django_db


def _answers(host: str, pages) -> tuple[list, list]:
    # One request for all pages, as a listing has: its memos of roots and parents are shared.
    request = RequestFactory().get("/", HTTP_HOST=host)
    ours = [full_url(request, page.url_path) for page in pages]
    request = RequestFactory().get("/", HTTP_HOST=host)
    return ours, [page.get_full_url(request) for page in pages]


def test_full_url_is_wagtails_answer_for_every_page(home_page, locales):
    section = AwarenessPageFactory(parent=home_page, slug="section")
    siblings = [AwarenessPageFactory(parent=section, slug=f"s{n}") for n in range(3)]
    AwarenessPageFactory(parent=siblings[0], slug="deeper")
    for page in (section, *siblings):
        translate_page(page, locales["ar"])
    Site.objects.create(hostname="partner.example", port=80, root_page=section, site_name="S")
    outside = Page.get_first_root_node().add_child(instance=Page(title="Outside", slug="outside"))
    pages = [page.specific for page in Page.objects.filter(depth__gt=1).order_by("path")]
    assert outside.pk in {page.pk for page in pages}
    assert len(pages) >= 12

    for host in ("testserver", "partner.example"):
        ours, wagtails = _answers(host, pages)
        assert ours == wagtails, host
    assert None in wagtails  # the page under no site
    assert len(set(wagtails)) == len(pages)  # every other page has its own URL
