"""The Content-Security-Policy holds in a real browser: the admin (signed in), a rendered page and
the reference partner page load and run with no violation reported."""

import pytest

from tests.factories import AwarenessPageFactory
from tests.support.browser import log_in

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.browser,
]

VIOLATIONS = """() => new Promise((resolve) => {
    // Violations of the first load are already in the console; later ones are events.
    setTimeout(() => resolve(window.__csp || []), 500);
})"""
LISTEN = """document.addEventListener("securitypolicyviolation", (event) => {
    (window.__csp = window.__csp || []).push(event.violatedDirective + " " + event.blockedURI);
});"""


def _watch(page) -> list[str]:
    reported = []
    page.on(
        "console",
        lambda message: (
            reported.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    page.add_init_script(LISTEN)
    return reported


def test_admin_rendered_page_and_partner_page_have_no_csp_violation(
    browser_page, live_server, home_page, admin_user
):
    AwarenessPageFactory(
        parent=home_page, title="Know your rights", slug="rights"
    ).save_revision().publish()
    page = browser_page
    reported = _watch(page)
    log_in(page, live_server.url, "admin", "password")
    for url in (
        "/admin/",
        f"/admin/pages/{home_page.pk}/",
        f"/admin/pages/{home_page.pk}/edit/",
        "/en/rights/",
        "/partner-demo/",
    ):
        response = page.goto(live_server.url + url)
        assert response.status == 200, url
        assert "Content-Security-Policy" in response.headers or "content-security-policy" in (
            response.headers
        )
        page.wait_for_load_state("load")
        reported += [f"{url}: {v}" for v in page.evaluate(VIOLATIONS)]
    assert reported == [], "\n".join(sorted(set(r[:200] for r in reported)))
