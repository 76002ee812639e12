"""The queue's first page keeps one query budget at 1,440 tasks (issue 15's scale) as at 264:
the count must not grow with the data."""

import uuid

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone
from wagtail_localize.models import TranslatableObject, Translation, TranslationSource

from cms.translation.models import TaskState, TranslationTask
from protect.models import AwarenessPage

BUDGET = 20


def bulk_tasks(count, locales, assignee):
    """``count`` tasks over English sources × the other locales, written in bulk (no signals)."""
    content_type = ContentType.objects.get_for_model(AwarenessPage)
    targets = [locale for code, locale in locales.items() if code != "en"]
    objects = TranslatableObject.objects.bulk_create(
        TranslatableObject(translation_key=uuid.uuid4(), content_type=content_type)
        for _ in range(-(-count // len(targets)))
    )
    sources = TranslationSource.objects.bulk_create(
        TranslationSource(
            object=obj,
            specific_content_type=content_type,
            locale=locales["en"],
            object_repr=f"Page {index:04}",
            content_json="{}",
            last_updated_at=timezone.now(),
        )
        for index, obj in enumerate(objects)
    )
    pairs = [(source, locale) for source in sources for locale in targets][:count]
    translations = Translation.objects.bulk_create(
        Translation(source=source, target_locale=locale) for source, locale in pairs
    )
    states = list(TaskState)
    TranslationTask.objects.bulk_create(
        TranslationTask(
            translation=translation,
            source=translation.source,
            content_type=content_type,
            title=translation.source.object_repr,
            source_locale=locales["en"],
            target_locale=translation.target_locale,
            state=states[index % len(states)],
            segments_total=10,
            segments_remaining=index % 11,
            words_total=50,
            words_remaining=5 * (index % 11),
            assignee=assignee if index % 3 == 0 else None,
        )
        for index, translation in enumerate(translations)
    )
    return TranslationTask.objects.count()


@pytest.mark.parametrize("count", [264, 1_440])
def test_first_page_budget_does_not_grow_with_tasks(
    client, admin_user, locales, count, django_assert_max_num_queries
):
    assert bulk_tasks(count, locales, admin_user) == count
    client.force_login(admin_user)
    with django_assert_max_num_queries(BUDGET):
        response = client.get(reverse("translation_queue:index"))
    assert response.status_code == 200
    assert len(response.context["object_list"]) == 60
