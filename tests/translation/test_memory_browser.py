"""Issue 14 journey in Chromium: a translator opens a task, sees a memory match and a glossary
highlight, and applies the exact matches (which then wait for review)."""

import pytest
from wagtail_localize.models import StringTranslation

from cms.translation.memory.apply import TOOL_NAME
from cms.translation.memory.models import TermStatus
from cms.translation.models import TaskState
from tests.factories import GlossaryTermFactory, MemoryEntryFactory
from tests.support.browser import log_in


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_translator_applies_memory_matches(live_server, browser_page, submitted, users, locales):
    task = submitted["fr"]
    MemoryEntryFactory(
        source_text="Know your rights",
        target_text="Connaissez vos droits",
        target_locale=locales["fr"],
        origin_label="Leaflet Greece",
    )
    GlossaryTermFactory(locale=locales["fr"], term="rights", translation="droits")
    GlossaryTermFactory(locale=locales["fr"], term="PROTECT", status=TermStatus.DO_NOT_TRANSLATE)
    page = browser_page
    log_in(page, live_server.url, "translator", "pw")

    page.goto(f"{live_server.url}/admin/translations/{task.pk}/")
    match = page.locator(".memory-match.memory-exact").first
    assert "100%" in match.inner_text() and "Connaissez vos droits" in match.inner_text()
    assert "Leaflet Greece" in match.inner_text()
    mark = page.locator("mark.glossary-term", has_text="rights").first
    assert mark.get_attribute("title") == "→ droits"

    page.get_by_role("button", name="exact memory match").click()
    page.wait_for_load_state()
    assert "need review" in page.content()
    applied = StringTranslation.objects.filter(
        locale=locales["fr"], tool_name=TOOL_NAME, data="Connaissez vos droits"
    )
    assert applied.exists()
    task.refresh_from_db()
    assert task.state in (TaskState.IN_PROGRESS, TaskState.NEEDS_REVIEW)
    assert page.locator(".memory-match").count() >= 1  # the page still offers the matches
