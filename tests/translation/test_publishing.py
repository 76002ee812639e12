"""The one review-gated publish: approved work goes live through the target's Wagtail workflow
(finished, never left waiting), and wagtail-localize's own Publish obeys the same rule."""

import pytest
from django.urls import reverse
from wagtail.models import WorkflowState

from cms.translation import machine
from cms.translation.models import TaskState
from cms.translation.services import publishing, review
from tests.support.translation import refused

S = TaskState


def _target(task):
    return task.translation.get_target_instance()


def test_approved_translation_is_published(
    ready, users, direct_publishing, django_capture_on_commit_callbacks
):
    review.approve(ready, users["reviewer"])
    with django_capture_on_commit_callbacks(execute=True):
        assert publishing.publish_translation(ready, users["reviewer"]) == "published"
    ready.refresh_from_db()
    assert ready.state == S.PUBLISHED
    assert _target(ready).live and _target(ready).title == "FR Know your rights"
    assert list(ready.transitions.values_list("to_state", flat=True))[-3:] == [
        S.NEEDS_REVIEW,
        S.APPROVED,
        S.PUBLISHED,
    ]


def test_site_wide_moderation_does_not_hold_an_approved_translation(ready, users):
    # Wagtail's migrations put the whole tree under "Moderators approval".
    review.approve(ready, users["reviewer"])
    outcome = publishing.publish_translation(ready, users["reviewer"])
    assert outcome == "published through the “Moderators approval” workflow"
    target = _target(ready)
    assert target.live and not target.has_unpublished_changes
    assert not target.workflow_in_progress
    state = WorkflowState.objects.for_instance(target).get()
    assert state.status == WorkflowState.STATUS_APPROVED
    ready.refresh_from_db()
    assert ready.state == S.PUBLISHED


def test_a_workflow_already_in_progress_is_finished(ready, users, french_workflow):
    review.approve(ready, users["reviewer"])
    ready.translation.save_target(user=users["translator"])
    french_workflow.start(_target(ready), users["translator"])
    assert _target(ready).workflow_in_progress
    assert "French review" in publishing.publish_translation(ready, users["reviewer"])
    target = _target(ready)
    assert target.live and not target.workflow_in_progress
    assert WorkflowState.objects.for_instance(target).get().status == "approved"


def test_only_approved_work_by_publishers(ready, users):
    with pytest.raises(review.QueueError, match="only approved work is published"):
        publishing.publish_translation(ready, users["reviewer"])
    review.approve(ready, users["reviewer"])
    with pytest.raises(review.QueueError, match="may not publish"):
        publishing.publish_translation(ready, users["translator"])
    assert not _target(ready).live


def test_machine_output_is_never_published_unreviewed(submitted, users):
    task = submitted["fr"]
    machine.pretranslate(task, users["translator"])
    task.refresh_from_db()
    assert task.state == S.MACHINE_DRAFT
    with pytest.raises(review.QueueError, match="only approved work is published"):
        publishing.publish_translation(task, users["reviewer"])
    assert not _target(task).live


def test_locked_pages_are_not_published(ready, users):
    review.approve(ready, users["reviewer"])
    target = _target(ready)
    target.locked = True
    target.save()
    with pytest.raises(review.QueueError, match="locked"):
        publishing.publish_translation(ready, users["reviewer"])
    ready.refresh_from_db()
    assert ready.state == S.APPROVED


def _localize_publish(client, task):
    """wagtail-localize's editor "Publish in …": a POST to the page's edit view."""
    url = reverse("wagtailadmin_pages:edit", args=[_target(task).pk])
    return client.post(url, {"action": "publish"})


def test_wagtail_localize_publish_is_refused_before_approval(client, ready, users):
    client.force_login(users["reviewer"])
    assert refused(_localize_publish(client, ready))
    assert not _target(ready).live
    ready.refresh_from_db()
    assert ready.state == S.NEEDS_REVIEW


def test_wagtail_localize_publish_goes_through_the_queue_once_approved(client, ready, users):
    review.approve(ready, users["reviewer"])
    client.force_login(users["reviewer"])
    response = _localize_publish(client, ready)
    assert response.status_code == 302
    assert response["Location"] == reverse("translation_queue:task", args=[ready.pk])
    target = _target(ready)
    assert target.live and not target.workflow_in_progress
    # The workflow was completed, not cancelled as wagtail-localize's own publish does.
    assert WorkflowState.objects.for_instance(target).get().status == "approved"
    ready.refresh_from_db()
    assert ready.state == S.PUBLISHED


def test_translator_cannot_publish_from_wagtail_localize_even_when_approved(client, ready, users):
    review.approve(ready, users["reviewer"])
    client.force_login(users["translator"])
    assert refused(_localize_publish(client, ready))
    assert not _target(ready).live


def _buttons(client, task):
    html = client.get(reverse("translation_queue:task", args=[task.pk])).content.decode()
    names = ("approve_publish", "approve", "request_changes", "publish", "request_review")
    return {name for name in names if f'value="{name}"' in html}


def test_task_page_buttons_follow_the_state(client, ready, users):
    client.force_login(users["reviewer"])
    assert _buttons(client, ready) == {"approve", "approve_publish", "request_changes"}
    url = reverse("translation_queue:review", args=[ready.pk])
    response = client.post(url, {"action": "approve_publish"}, follow=True)
    assert "published through the “Moderators approval” workflow" in response.content.decode()
    ready.refresh_from_db()
    assert ready.state == S.PUBLISHED and _target(ready).live
    assert _buttons(client, ready) == set()
    client.force_login(users["translator"])
    assert "approve" not in _buttons(client, ready)
