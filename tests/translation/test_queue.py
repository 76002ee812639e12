"""The queue report: rows, filters, translator defaults, exports and its query budget."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from cms.translation.models import TaskState, TranslationTask
from tests.factories.translation import bulk_queue_tasks


@pytest.fixture
def many_tasks(locales, admin_user):
    """60 source objects × every other locale, written in bulk (no signals) for speed."""
    targets = [locale for code, locale in locales.items() if code != "en"]
    return bulk_queue_tasks(60 * 22, locales["en"], targets, assignee=admin_user, overdue_every=4)


def test_first_page_stays_within_query_budget(
    client, admin_user, many_tasks, django_assert_max_num_queries
):
    assert many_tasks == 60 * 22
    client.force_login(admin_user)
    with django_assert_max_num_queries(20):
        response = client.get(reverse("translation_queue:index"))
    assert response.status_code == 200
    assert response.content.decode().count('name="task"') == 60


def test_translator_page_stays_within_budget_and_sees_own_locale(
    client, users, many_tasks, locales, django_assert_max_num_queries
):
    client.force_login(users["translator"])
    with django_assert_max_num_queries(20):
        response = client.get(reverse("translation_queue:index"), {"mine": ""})
    assert response.status_code == 200
    shown = response.context["object_list"]
    assert len(shown) == 60
    assert {task.target_locale_id for task in shown} == {locales["fr"].pk}


def test_translators_default_to_their_own_tasks(client, users, many_tasks, locales):
    task = TranslationTask.objects.filter(target_locale=locales["fr"]).first()
    task.assignee = users["translator"]
    task.save()
    client.force_login(users["translator"])
    response = client.get(reverse("translation_queue:index"))
    assert [t.pk for t in response.context["object_list"]] == [task.pk]


@pytest.mark.parametrize(
    "params, check",
    [
        ({"state": "stale"}, lambda t: t.state == TaskState.STALE),
        ({"overdue": "true"}, lambda t: t.is_overdue),
        ({"stale": "false"}, lambda t: t.state != TaskState.STALE),
        ({"mine": "unassigned"}, lambda t: t.assignee_id is None),
    ],
)
def test_filters(client, admin_user, many_tasks, params, check):
    client.force_login(admin_user)
    response = client.get(reverse("translation_queue:index"), params)
    rows = list(response.context["object_list"])
    assert rows and all(check(task) for task in rows)


def test_locale_filter(client, admin_user, many_tasks, locales):
    client.force_login(admin_user)
    response = client.get(reverse("translation_queue:index"), {"target_locale": locales["ar"].pk})
    assert {t.target_locale_id for t in response.context["object_list"]} == {locales["ar"].pk}


def test_csv_and_xlsx_export(client, admin_user, many_tasks):
    client.force_login(admin_user)
    response = client.get(reverse("translation_queue:index"), {"export": "csv", "state": "stale"})
    assert response.status_code == 200
    lines = b"".join(response.streaming_content).decode().strip().splitlines()
    assert lines[0].startswith("Title,Type,Source,Target,State")
    assert len(lines) - 1 == TranslationTask.objects.filter(state="stale").count()
    xlsx = client.get(reverse("translation_queue:index"), {"export": "xlsx"})
    assert xlsx.status_code == 200
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")


def test_people_outside_teams_cannot_open_the_queue(client, django_user_model):
    user = django_user_model.objects.create_user("nobody", password="pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.get(reverse("translation_queue:index"))
    # Wagtail answers PermissionDenied in the admin with a redirect to the dashboard.
    assert (response.status_code, response.url) == (302, "/admin/")


def test_coverage_matrix_and_csv(client, admin_user, many_tasks, locales):
    client.force_login(admin_user)
    page = client.get(reverse("translation_queue:coverage"))
    assert page.status_code == 200
    assert len(page.context["table"]) == 60
    assert all(len(row["cells"]) == len(locales) for row in page.context["table"])
    csv = client.get(reverse("translation_queue:coverage"), {"export": "csv"}).content.decode()
    header, first = csv.splitlines()[:2]
    assert header.split(",")[2:] == sorted(locales)
    assert "source" in first.split(",")
