"""Notices (in the admin and by e-mail) for assignment, staleness, review and change requests,
each sent once per event."""

from django.core import mail
from django.urls import reverse

from cms.translation.models import Notification
from cms.translation.services import assignment, review
from tests.support.translation import fill


def kinds(user):
    return list(Notification.objects.filter(user=user).values_list("kind", flat=True))


def test_assignment_notifies_once(submitted, users, admin_user, django_capture_on_commit_callbacks):
    task = submitted["fr"]
    with django_capture_on_commit_callbacks(execute=True):
        assignment.assign([task], user=users["translator"], by=admin_user)
        assignment.assign([task], user=users["translator"], by=admin_user)
    assert kinds(users["translator"]) == ["assigned"]
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["t@example.org"]
    assert "Know your rights → fr" in mail.outbox[0].subject


def test_review_and_change_requests_reach_the_right_people(
    submitted, users, django_capture_on_commit_callbacks
):
    task = fill(submitted["fr"], user=users["translator"])
    with django_capture_on_commit_callbacks(execute=True):
        review.request_review(task, users["translator"])
        review.request_changes(task, users["reviewer"], "Too literal")
    assert kinds(users["reviewer"]) == ["review_requested"]
    assert kinds(users["translator"]) == ["changes_requested"]
    assert kinds(users["outsider"]) == []
    assert len(mail.outbox) == 2


def test_assigned_task_going_stale_notifies_assignee(
    submitted, users, page, admin_user, django_capture_on_commit_callbacks
):
    task = fill(submitted["fr"], user=users["translator"])
    assignment.assign([task], user=users["translator"], by=admin_user)
    page.intro = "Changed text."
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert sorted(kinds(users["translator"])) == ["assigned", "stale"]


def test_notice_list_shows_and_marks_read(client, submitted, users, admin_user):
    assignment.assign([submitted["fr"]], user=users["translator"], by=admin_user)
    client.force_login(users["translator"])
    response = client.get(reverse("translation_queue:notifications"))
    assert "You were assigned" in response.content.decode()
    assert not Notification.objects.filter(read_at__isnull=True).exists()
