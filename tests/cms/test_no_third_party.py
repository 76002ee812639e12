"""Issue 9.8: the admin and the site make no third-party requests (no Gravatar, no CDN fonts or
scripts): every URL a rendered page loads from (src, srcset, link href, CSS url(), form action)
is relative or on our own origin. Plain links (<a href>) are not requests and may leave the site."""

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.urls import reverse

from tests.factories import AwarenessPageFactory

pytestmark = pytest.mark.django_db
URL_ATTRIBUTES = {"src", "href", "srcset", "action", "poster", "data", "formaction", "xlink:href"}
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)")


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found = []  # (tag, attribute, url)

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if not value:
                continue
            if name in URL_ATTRIBUTES:
                urls = (
                    [part.split()[0] for part in value.split(",")] if name == "srcset" else [value]
                )
                self.found.extend((tag, name, url.strip()) for url in urls if url.strip())
            elif name == "style":
                self.found.extend((tag, name, url) for url in CSS_URL.findall(value))

    def handle_data(self, data):
        if self.lasttag == "style":
            self.found.extend(("style", "css", url) for url in CSS_URL.findall(data))


def third_party(html: str) -> list:
    parser = _Links()
    parser.feed(html)
    outside = []
    for tag, attribute, url in parser.found:
        if tag == "a":
            continue  # a link the user may follow is not a request the page makes
        parts = urlsplit(url)
        if parts.scheme in ("", "data", "blob", "mailto", "tel", "javascript") and not parts.netloc:
            continue
        if parts.netloc in ("testserver", ""):
            continue
        outside.append((tag, attribute, url))
    return outside


@pytest.fixture
def admin_pages(home_page, admin_user):
    page = AwarenessPageFactory(parent=home_page, slug="rights")
    return [
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_explore", args=[home_page.pk]),
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        reverse("wagtailadmin_pages:history", args=[page.pk]),
        reverse("wagtailimages:index"),
        reverse("wagtaildocs:index"),
        reverse("wagtailusers_users:index"),
        reverse("wagtailusers_users:edit", args=[admin_user.pk]),
        reverse("wagtailadmin_account"),
        reverse("wagtailadmin_reports:site_history"),
    ]


def test_admin_pages_load_nothing_from_third_parties(client, admin_user, admin_pages):
    client.force_login(admin_user)
    checked = 0
    for path in admin_pages:
        response = client.get(path)
        assert response.status_code == 200, path
        html = response.content.decode()
        assert "gravatar" not in html.lower(), path
        assert third_party(html) == [], path
        checked += 1
    assert checked == len(admin_pages)


def test_login_page_and_site_load_nothing_from_third_parties(client, home_page):
    for path in (reverse("wagtailadmin_login"), "/en/"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert third_party(response.content.decode()) == [], path


def test_the_check_itself_finds_third_party_urls():
    html = (
        '<img src="https://www.gravatar.com/avatar/x"><a href="https://iom.int/">ok</a>'
        '<link href="//fonts.googleapis.com/css">'
        '<div style="background: url(https://cdn.example.net/a.png)"></div>'
    )
    assert [url for _, _, url in third_party(html)] == [
        "https://www.gravatar.com/avatar/x",
        "//fonts.googleapis.com/css",
        "https://cdn.example.net/a.png",
    ]
