"""Issue 10.7: "Request review" from inside wagtail-localize's editor — a bar posting to the
task's review action, which moves the task to review and comes back to the editor."""

import re

import pytest
from wagtail_localize.operations import translate_object

from cms.translation.models import TaskState, TranslationTask
from tests.support.editor import editor_page
from tests.support.translation import fill

pytestmark = pytest.mark.django_db


@pytest.fixture
def fr_task(page, fr_home, locales):
    translate_object(page, [locales["fr"]])
    return TranslationTask.objects.get(
        source__object_id=page.translation_key, target_locale=locales["fr"]
    )


def _bar(page):
    found = re.search(r"<form[^>]*data-translation-review-bar.*?</form>", page, re.S)
    return found.group(0) if found else None


def test_translator_requests_review_from_the_editor(client, users, fr_task):
    task = fill(fr_task, user=users["translator"])
    target = task.translation.get_target_instance()
    client.force_login(users["translator"])
    bar = _bar(editor_page(client, target))
    assert bar is not None and "Request review" in bar
    url = re.search(r'action="([^"]+)"', bar).group(1)
    fields = dict(re.findall(r'name="(\w+)" value="([^"]*)"', bar))
    assert fields["action"] == "request_review" and fields["csrfmiddlewaretoken"]
    response = client.post(url, fields)
    assert response.status_code == 302 and response.url == fields["next"]
    task.refresh_from_db()
    assert task.state == TaskState.NEEDS_REVIEW
    # Once in review it cannot be requested again: the bar is gone.
    assert _bar(editor_page(client, target)) is None


def test_review_bar_for_coordinators_and_other_teams_fenced_out(client, users, fr_task, admin_user):
    target = fr_task.translation.get_target_instance()
    client.force_login(admin_user)
    assert _bar(editor_page(client, target)) is not None  # coordinators may ask for review
    client.force_login(users["outsider"])  # the Spanish team: fenced out of French entirely
    assert client.get(f"/admin/pages/{target.pk}/edit/").status_code in (302, 403)
