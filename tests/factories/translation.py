"""Translation tasks (made the way the queue makes them: by submitting content to
wagtail-localize) and locale teams."""

import factory
from wagtail.models import Locale
from wagtail_localize.operations import translate_object

from cms.translation.models import LocaleTeam, TranslationTask


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
