"""The queue's first page keeps one query budget at 1,440 tasks (issue 15's scale) as at 264:
the count must not grow with the data."""

import pytest
from django.urls import reverse

from tests.factories.translation import bulk_queue_tasks

BUDGET = 20


@pytest.mark.parametrize("count", [264, 1_440])
def test_first_page_budget_does_not_grow_with_tasks(
    client, admin_user, locales, count, django_assert_max_num_queries
):
    targets = [locale for code, locale in locales.items() if code != "en"]
    assert bulk_queue_tasks(count, locales["en"], targets, assignee=admin_user) == count
    client.force_login(admin_user)
    with django_assert_max_num_queries(BUDGET):
        response = client.get(reverse("translation_queue:index"))
    assert response.status_code == 200
    assert len(response.context["object_list"]) == 60
