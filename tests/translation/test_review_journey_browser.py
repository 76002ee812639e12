"""The reviewer's journey in real Chromium: log in, open "waiting for my review", approve and
publish; the French page is then live and its task published."""

import pytest

from cms.translation.models import TaskState
from cms.visibility import public_pages
from tests.support.browser import log_in


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_reviewer_approves_and_publishes_in_the_browser(
    live_server, browser_page, ready, users, fr_home
):
    if not fr_home.live:  # the French home is only submitted here; it must be live too
        fr_home.save_revision().publish()
    page = browser_page
    log_in(page, live_server.url, "reviewer", "pw")

    page.goto(live_server.url + "/admin/translations/")
    chosen = page.locator("select[name=mine] option:checked, input[name=mine]:checked")
    assert (
        "Waiting for my review" in (chosen.first.text_content() or "")
        or page.locator("input[name=mine][value=review]:checked").count()
    )
    rows = page.locator("table.listing tbody tr")
    assert rows.count() == 1
    rows.first.get_by_role("link", name="Know your rights").click()

    page.get_by_role("button", name="Approve and publish").click()
    page.wait_for_load_state()
    assert "published through the “Moderators approval” workflow" in page.content()
    assert page.get_by_role("button", name="Approve", exact=True).count() == 0

    ready.refresh_from_db()
    assert ready.state == TaskState.PUBLISHED
    target = ready.translation.get_target_instance()
    assert target.live and not target.has_unpublished_changes
    assert public_pages().filter(pk=target.pk).exists()  # what the partner API may serve
