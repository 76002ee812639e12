"""Issue 10.7 in real Chromium: inside wagtail-localize's editor a translator sees segment
labels, is not offered "Stop Synced translation", and requests review from the editor."""

import pytest
from wagtail_localize.operations import translate_object

from cms.translation.models import TaskState, TranslationTask
from tests.support.browser import log_in
from tests.support.translation import fill


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_translator_works_in_the_editor(live_server, browser_page, users, page, fr_home, locales):
    translate_object(page, [locales["fr"]])
    task = TranslationTask.objects.get(
        source__object_id=page.translation_key, target_locale=locales["fr"]
    )
    fill(task, user=users["translator"])
    target = task.translation.get_target_instance()
    tab = browser_page
    log_in(tab, live_server.url, "translator", "pw")

    tab.goto(f"{live_server.url}/admin/pages/{target.pk}/edit/")
    tab.wait_for_selector(".js-translation-editor footer")
    labels = tab.evaluate(
        "JSON.parse(document.querySelector('.js-translation-editor').dataset.props)"
        ".segments.map((s) => s.location.subField).filter(Boolean)"
    )
    assert labels and " › " in labels[0]
    assert tab.get_by_text(labels[0], exact=True).first.is_visible()
    stop = tab.locator("footer button", has_text="Stop Synced translation")
    assert stop.count() == 1 and not stop.first.is_visible()
    # Our editor scripts run (10.6's direction script too): the target language is marked.
    marked = "document.querySelector('.js-translation-editor').dataset.targetLang"
    assert tab.evaluate(marked) == "fr"

    tab.get_by_role("button", name="Request review").click()
    tab.wait_for_load_state()
    assert "Review requested." in tab.content()
    task.refresh_from_db()
    assert task.state == TaskState.NEEDS_REVIEW
