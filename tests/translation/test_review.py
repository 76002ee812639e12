"""Review before publish: approval by an allowed, independent reviewer with no blocking QA
errors; publishing only approved work, through the locale's Wagtail workflow when it has one."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask

from cms.translation import machine, services
from cms.translation.models import TaskState
from tests.factories import AwarenessPageFactory
from tests.translation.conftest import fill


@pytest.fixture
def page(home_page):
    # Overrides the area fixture: the intro carries a helpline number for the QA checks.
    return AwarenessPageFactory(
        parent=home_page, title="Know your rights", intro="Call 0800 123 456, day or night."
    )


@pytest.fixture
def direct_publishing():
    # Wagtail's default workflow covers the whole tree; these tests publish without one.
    WorkflowPage.objects.all().delete()


@pytest.fixture
def ready(submitted, users):
    """The French task, fully translated by the translator and sent for review."""
    task = fill(submitted["fr"], user=users["translator"])
    services.request_review(task, users["translator"])
    return task


def test_reviewer_approves_and_publishes(
    ready, users, direct_publishing, django_capture_on_commit_callbacks
):
    services.approve(ready, users["reviewer"])
    assert ready.state == TaskState.APPROVED
    with django_capture_on_commit_callbacks(execute=True):
        assert services.publish(ready, users["reviewer"]) == "published"
    ready.refresh_from_db()
    assert ready.state == TaskState.PUBLISHED
    target = ready.translation.get_target_instance()
    assert target.live and target.title == "FR Know your rights"
    assert list(ready.transitions.values_list("to_state", flat=True))[-3:] == [
        TaskState.NEEDS_REVIEW,
        TaskState.APPROVED,
        TaskState.PUBLISHED,
    ]


def test_translator_cannot_approve_or_publish(ready, users):
    with pytest.raises(services.QueueError, match="may not review"):
        services.approve(ready, users["translator"])
    ready.state = TaskState.APPROVED
    with pytest.raises(services.QueueError, match="may not publish"):
        services.publish(ready, users["translator"])


def test_independent_review_is_required(submitted, users):
    task = fill(submitted["fr"], user=users["reviewer"])
    services.request_review(task, users["reviewer"])
    with pytest.raises(services.QueueError, match="reviewer other than the translator"):
        services.approve(task, users["reviewer"])
    assert task.state == TaskState.NEEDS_REVIEW


def test_blocking_qa_errors_prevent_approval(submitted, users):
    task = fill(
        submitted["fr"],
        text_for=lambda s: f"FR {s}".replace("123 456", "123 457"),
        user=users["translator"],
    )
    services.request_review(task, users["translator"])
    with pytest.raises(services.QueueError) as error:
        services.approve(task, users["reviewer"])
    assert any("Phone numbers differ" in message for message in error.value.messages)
    assert task.state == TaskState.NEEDS_REVIEW


def test_machine_output_is_never_published_unreviewed(submitted, users):
    task = submitted["fr"]
    assert machine.pretranslate(task, users["translator"]) == task.segments_total
    task.refresh_from_db()
    assert task.state == TaskState.MACHINE_DRAFT and task.machine_segments == task.segments_total
    with pytest.raises(services.QueueError, match="only approved work is published"):
        services.publish(task, users["reviewer"])
    with pytest.raises(services.QueueError, match="cannot become approved"):
        services.approve(task, users["reviewer"])
    assert not task.translation.get_target_instance().live


def test_locked_pages_are_not_published(ready, users):
    services.approve(ready, users["reviewer"])
    target = ready.translation.get_target_instance()
    target.locked = True
    target.save()
    with pytest.raises(services.QueueError, match="locked"):
        services.publish(ready, users["reviewer"])
    assert ready.state == TaskState.APPROVED


def test_publishing_goes_through_the_locale_workflow(ready, users, fr_home):
    workflow = Workflow.objects.create(name="French review", active=True)
    task = GroupApprovalTask.objects.create(name="French approval", active=True)
    task.groups.set(Group.objects.filter(name="Moderators"))
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.all().delete()
    WorkflowPage.objects.create(workflow=workflow, page=fr_home)
    services.approve(ready, users["reviewer"])
    assert services.publish(ready, users["reviewer"]) == "submitted to workflow"
    target = ready.translation.get_target_instance()
    assert target.workflow_in_progress and not target.live
    ready.refresh_from_db()
    assert ready.state == TaskState.APPROVED


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
