"""Review before publish: approval by an allowed, independent reviewer with no blocking QA
errors; a Wagtail workflow's rejection sends the task back (publishing: test_publishing.py)."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils.http import urlencode
from wagtail.signals import task_rejected
from wagtail_localize.models import StringSegment

from cms.translation import machine, qa
from cms.translation.models import Notification, TaskState
from cms.translation.services import review, writing
from tests.factories import AwarenessPageFactory
from tests.support.translation import fill


@pytest.fixture
def page(home_page):
    # Overrides the area fixture: the intro carries a helpline number for the QA checks.
    return AwarenessPageFactory(
        parent=home_page, title="Know your rights", intro="Call 0800 123 456, day or night."
    )


def test_translator_cannot_approve(ready, users):
    with pytest.raises(review.QueueError, match="may not review"):
        review.approve(ready, users["translator"])


def test_independent_review_is_required(submitted, users):
    task = fill(submitted["fr"], user=users["reviewer"])
    review.request_review(task, users["reviewer"])
    with pytest.raises(review.QueueError, match="reviewer other than the translator"):
        review.approve(task, users["reviewer"])
    assert task.state == TaskState.NEEDS_REVIEW


def test_blocking_qa_errors_prevent_approval(submitted, users):
    task = fill(
        submitted["fr"],
        text_for=lambda s: f"FR {s}".replace("123 456", "123 457"),
        user=users["translator"],
    )
    review.request_review(task, users["translator"])
    with pytest.raises(review.QueueError) as error:
        review.approve(task, users["reviewer"])
    assert any("Phone numbers differ" in message for message in error.value.messages)
    assert task.state == TaskState.NEEDS_REVIEW


def test_machine_output_is_never_published_unreviewed(submitted, users):
    task = submitted["fr"]
    assert machine.pretranslate(task, users["translator"]) == task.segments_total
    task.refresh_from_db()
    assert task.state == TaskState.MACHINE_DRAFT and task.machine_segments == task.segments_total
    with pytest.raises(review.QueueError, match="cannot become approved"):
        review.approve(task, users["reviewer"])
    assert not task.translation.get_target_instance().live


def _submitted_to_moderation(task, user):
    """The translated page sent to its Wagtail workflow (as an editor's "Submit" does)."""
    task.translation.save_target(user=user)
    target = task.translation.get_target_instance()
    target.get_workflow().start(target, user)


def test_review_actions_from_the_task_page(client, ready, users):
    client.force_login(users["reviewer"])
    url = reverse("translation_queue:review", args=[ready.pk])
    client.post(url, {"action": "request_changes", "comment": "Use formal address"})
    ready.refresh_from_db()
    assert ready.state == TaskState.CHANGES_REQUESTED
    assert ready.transitions.last().comment == "Use formal address"
    detail = client.get(reverse("translation_queue:task", args=[ready.pk]))
    assert detail.status_code == 200
    assert "Use formal address" in detail.content.decode()


def test_workflow_rejection_requests_changes_once(
    ready, users, french_workflow, admin_user, django_capture_on_commit_callbacks
):
    review.approve(ready, users["reviewer"])
    _submitted_to_moderation(ready, users["reviewer"])
    target = ready.translation.get_target_instance()
    with django_capture_on_commit_callbacks(execute=True):
        target.current_workflow_task_state.reject(
            user=admin_user, comment="The helpline number is the old one"
        )
    ready.refresh_from_db()
    assert ready.state == TaskState.CHANGES_REQUESTED
    last = ready.transitions.last()
    assert (last.from_state, last.to_state) == (TaskState.APPROVED, TaskState.CHANGES_REQUESTED)
    assert last.user == admin_user and last.created_at is not None
    assert last.comment == "The helpline number is the old one"
    # Replaying Wagtail's signal (e.g. workflow_rejected handlers, retries) changes nothing more.
    state = target.workflow_states.get().current_task_state
    task_rejected.send(sender=type(state), instance=state, user=admin_user)
    notices = Notification.objects.filter(
        task=ready, kind=Notification.Kind.CHANGES_REQUESTED
    ).values_list("user__username", flat=True)
    assert list(notices) == ["translator"]
    assert ready.transitions.filter(to_state=TaskState.CHANGES_REQUESTED).count() == 1
    ours = [m.to for m in mail.outbox if m.subject.startswith("[PROTECT translations]")]
    assert ours == [["t@example.org"]]  # Wagtail's own workflow mails are not counted


def test_workflow_rejection_without_comment_names_the_task(
    ready, users, french_workflow, admin_user
):
    review.approve(ready, users["reviewer"])
    _submitted_to_moderation(ready, users["reviewer"])
    ready.translation.get_target_instance().current_workflow_task_state.reject(user=admin_user)
    ready.refresh_from_db()
    assert ready.state == TaskState.CHANGES_REQUESTED
    assert ready.transitions.last().comment == "Changes requested in the “French approval” task"


def _change_helpline_like_wagtail_localize(task, user):
    """What wagtail-localize's segment editor does on save (through the one write path)."""
    segment = StringSegment.objects.get(source_id=task.source_id, context__path="intro")
    writing.write_strings(
        task.translation,
        {segment: "Appelez le 0800 123 457, jour et nuit."},
        user,
        origin=writing.Origin.EDITOR,
    )


def test_segment_saved_by_wagtail_localize_is_checked_before_approval(ready, users):
    _change_helpline_like_wagtail_localize(ready, users["translator"])
    ready.refresh_from_db()
    assert ready.state == TaskState.NEEDS_REVIEW and ready.segments_remaining == 0
    with pytest.raises(review.QueueError) as error:
        review.approve(ready, users["reviewer"])
    assert "intro: Phone numbers differ from the source: copy them exactly." in error.value.messages
    assert ready.state == TaskState.NEEDS_REVIEW
    report = qa.check_task(ready)
    assert [(i.code, i.level) for i in report["intro"]] == [("phone", qa.BLOCKING)]


def test_segment_saved_in_wagtail_localize_editor_is_listed_next_to_the_segment(
    client, ready, users
):
    segment = StringSegment.objects.get(source_id=ready.source_id, context__path="intro")
    client.force_login(users["translator"])
    response = client.put(
        reverse(
            "wagtail_localize:edit_string_translation", args=[ready.translation_id, segment.pk]
        ),
        urlencode({"value": "Appelez le 0800 123 457, jour et nuit."}),
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200, response.content
    client.force_login(users["reviewer"])
    detail = client.get(reverse("translation_queue:task", args=[ready.pk])).content.decode()
    assert "Phone numbers differ from the source" in detail
    with pytest.raises(review.QueueError, match="Fix these before approval"):
        review.approve(ready, users["reviewer"])
