"""My tasks: new tasks go to the locale's team, members claim and release them, each role opens
on its own view, text search, readable filter labels, links in mails open the task."""

from datetime import timedelta

from django.core import mail
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from cms.translation.models import LocaleTeam, TaskState
from cms.translation.services import assignment, review
from tests.factories import AwarenessPageFactory, TranslationTaskFactory
from tests.support.translation import fill

QUEUE = "translation_queue:index"


def _shown(client, **params):
    response = client.get(reverse(QUEUE), params)
    assert response.status_code == 200
    return {task.pk for task in response.context["object_list"]}


def test_new_tasks_go_to_the_locale_team(users, submitted):
    # users first: the teams exist when the page is submitted.
    task = submitted["fr"]
    assert task.assignee_team == LocaleTeam.objects.get(name="French")  # not the reviewers
    assert task.assignee is None
    assert submitted["es"].assignee_team.name == "Spanish"


def test_member_sees_team_tasks_claims_and_releases(client, users, submitted):
    client.force_login(users["translator"])
    assert _shown(client) == {submitted["fr"].pk}  # default view: my tasks (me or my teams)
    url = reverse("translation_queue:review", args=[submitted["fr"].pk])
    client.post(url, {"action": "claim"})
    submitted["fr"].refresh_from_db()
    assert submitted["fr"].assignee == users["translator"]
    client.force_login(users["reviewer"])
    client.post(url, {"action": "claim"})  # someone else's now: refused
    submitted["fr"].refresh_from_db()
    assert submitted["fr"].assignee == users["translator"]
    client.force_login(users["translator"])
    client.post(url, {"action": "release"})
    submitted["fr"].refresh_from_db()
    assert submitted["fr"].assignee is None
    assert submitted["fr"].assignee_team.name == "French"


def test_outsider_cannot_claim_another_locale(client, users, submitted):
    client.force_login(users["outsider"])
    url = reverse("translation_queue:review", args=[submitted["fr"].pk])
    assert client.post(url, {"action": "claim"}).status_code in (302, 404)  # not found
    submitted["fr"].refresh_from_db()
    assert submitted["fr"].assignee is None


def test_reviewer_opens_on_waiting_for_my_review(client, users, submitted, home_page, locales):
    other = TranslationTaskFactory(
        source=AwarenessPageFactory(parent=home_page, title="Other"), locale=locales["fr"]
    )
    task = fill(submitted["fr"], user=users["translator"])
    review.request_review(task, users["translator"])
    client.force_login(users["reviewer"])
    assert _shown(client) == {task.pk}
    assert other.pk in _shown(client, mine="")  # "All tasks" still lists the rest


def test_editor_opens_on_needs_attention(client, users, submitted):
    fr, es = submitted["fr"], submitted["es"]
    fr.state = TaskState.STALE
    fr.save()
    es.due_date = timezone.localdate() - timedelta(days=2)
    es.save()
    client.force_login(users["coordinator"])
    assert _shown(client) == {fr.pk, es.pk}
    es.state = TaskState.PUBLISHED  # published work is never overdue
    es.save()
    assert _shown(client) == {fr.pk}


def test_text_search(client, admin_user, users, submitted, home_page, locales):
    TranslationTaskFactory(
        source=AwarenessPageFactory(parent=home_page, title="Helplines"), locale=locales["fr"]
    )
    client.force_login(admin_user)
    found = _shown(client, mine="", q="rights")
    assert found == {submitted["fr"].pk, submitted["es"].pk}
    assert _shown(client, mine="", q="rights es") == {submitted["es"].pk}


def test_filter_labels_are_readable(client, admin_user, submitted):
    client.force_login(admin_user)
    html = client.get(reverse(QUEUE)).content.decode()
    assert "[invalid name]" not in html
    for label in ("Overdue", "Stale", "Search", "Waiting for my review", "Needs attention"):
        assert label in html


@override_settings(WAGTAILADMIN_BASE_URL="https://cms.example.org")
def test_mail_links_open_the_task_on_the_admin_host(
    users, submitted, admin_user, django_capture_on_commit_callbacks
):
    task = submitted["fr"]
    with django_capture_on_commit_callbacks(execute=True):
        assignment.assign([task], user=users["translator"], by=admin_user)
    (message,) = mail.outbox
    url = "https://cms.example.org" + reverse("translation_queue:task", args=[task.pk])
    assert url in message.body
