"""`make serve` as a browser sees it: gunicorn with production settings serves the admin's CSS
and JS itself (whitenoise: hashed names, compressed, cached for a year) and the admin works."""

import re

import pytest

from tests.support import databases, processes
from tests.support.production import gunicorn_command, production_env

pytestmark = pytest.mark.browser
HASHED = re.compile(r"\.[0-9a-f]{12}\.(css|js)$")


@pytest.fixture
def served(tmp_path):
    url = databases.fresh_database(tmp_path)
    env = production_env(url)
    processes.run_script(
        env,
        "from django.contrib.auth.models import User;"
        "User.objects.create_superuser('ops', 'ops@example.org', 'ops-password-1')",
    )
    try:
        with processes.start_server(env, command=gunicorn_command(workers=2)) as server:
            yield server
    finally:
        databases.drop_database(url)


def test_admin_loads_its_css_and_js_under_gunicorn(served, browser_page):
    page = browser_page
    assets = []
    page.on(
        "response",
        lambda r: assets.append(r) if r.url.split("?")[0].endswith((".css", ".js")) else None,
    )
    page.goto(served.base_url + "/admin/login/")
    page.wait_for_load_state("networkidle")

    css = [r for r in assets if r.url.split("?")[0].endswith(".css")]
    js = [r for r in assets if r.url.split("?")[0].endswith(".js")]
    assert css and js, [r.url for r in assets]
    assert [r.url for r in assets if r.status != 200] == []
    for response in assets:
        path = response.url.split("?")[0]
        assert "/static/" in path and HASHED.search(path), path
        assert "max-age=31536000" in response.headers["cache-control"]
    assert any(r.headers.get("content-encoding") == "gzip" for r in css)

    # Styles applied: Wagtail's stylesheet lays out and colours the login button.
    button = page.locator("button[type=submit]")
    colour = button.evaluate("b => getComputedStyle(b).backgroundColor")
    assert colour not in ("rgba(0, 0, 0, 0)", "rgb(239, 239, 239)", "rgb(240, 240, 240)")
    assert page.evaluate("() => window.wagtailConfig !== undefined || !!window.wagtail")

    # The admin works over plain HTTP with production settings (sessions, CSRF).
    page.fill("input[name=username]", "ops")
    page.fill("input[name=password]", "ops-password-1")
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/admin/$"))
    assert "Dashboard" in page.title()
