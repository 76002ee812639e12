"""Translation tasks (made the way the queue makes them: by submitting content to
wagtail-localize, or in bulk for scale) and locale teams."""

import uuid
from datetime import timedelta

import factory
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.models import Locale
from wagtail_localize.models import TranslatableObject, Translation, TranslationSource
from wagtail_localize.operations import translate_object

from cms.translation.models import LocaleTeam, TaskState, TranslationTask
from protect.models import AwarenessPage


class TranslationTaskFactory(factory.Factory):
    """``TranslationTaskFactory(source=page, locale=fr)``: ``source`` submitted for translation
    into ``locale`` through wagtail-localize; the queue's signal handlers make the task."""

    class Meta:
        model = TranslationTask

    @classmethod
    def _create(cls, model_class, *, source, locale, **kwargs):
        translate_object(source, [locale])
        return model_class.objects.get(
            source__object_id=source.translation_key, target_locale=locale
        )


class LocaleTeamFactory(factory.django.DjangoModelFactory):
    """``LocaleTeamFactory(locale=fr, members=[user, …], can_review=…, can_publish=…)``."""

    name = factory.Sequence(lambda n: f"Team {n}")
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = LocaleTeam
        skip_postgeneration_save = True  # adding members saves nothing on the team itself

    @factory.post_generation
    def members(team, create, extracted, **kwargs):
        if create and extracted:
            team.members.add(*extracted)


def bulk_queue_tasks(
    count, source_locale, targets, *, assignee=None, overdue_every=0, title="Page"
):
    """``count`` queue tasks over ``count / len(targets)`` sources × ``targets``, written in bulk
    (no signals, no content): a queue at scale in seconds. States, remaining work, assignee
    (every third task) and overdue dates (every ``overdue_every``-th) rotate so every filter
    has rows. Returns the number of tasks in the queue."""
    content_type = ContentType.objects.get_for_model(AwarenessPage)
    objects = TranslatableObject.objects.bulk_create(
        TranslatableObject(translation_key=uuid.uuid4(), content_type=content_type)
        for _ in range(-(-count // len(targets)))
    )
    sources = TranslationSource.objects.bulk_create(
        TranslationSource(
            object=obj,
            specific_content_type=content_type,
            locale=source_locale,
            object_repr=f"{title} {index:04}",
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
    yesterday = timezone.localdate() - timedelta(days=1)
    TranslationTask.objects.bulk_create(
        TranslationTask(
            translation=translation,
            source=translation.source,
            content_type=content_type,
            title=translation.source.object_repr,
            source_locale=source_locale,
            target_locale=translation.target_locale,
            state=states[index % len(states)],
            segments_total=10,
            segments_remaining=index % 11,
            words_total=50,
            words_remaining=5 * (index % 11),
            assignee=assignee if index % 3 == 0 else None,
            due_date=yesterday if overdue_every and index % overdue_every == 0 else None,
        )
        for index, translation in enumerate(translations)
    )
    return TranslationTask.objects.count()
