"""Fixtures for the translation queue: a page submitted to a few locales, teams and users."""

import pytest
from django.contrib.auth.models import Permission
from wagtail_localize.models import StringSegment, StringTranslation
from wagtail_localize.operations import translate_object

from cms.translation.models import LocaleTeam, TranslationTask
from tests.factories import AwarenessPageFactory


@pytest.fixture
def page(home_page):
    return AwarenessPageFactory(parent=home_page, title="Know your rights")


@pytest.fixture
def fr_home(home_page, locales, django_capture_on_commit_callbacks):
    # Locale trees need their own home pages (and team permissions are granted on them).
    with django_capture_on_commit_callbacks(execute=True):
        translate_object(home_page, [locales["fr"], locales["es"]])
    return home_page.get_translation(locales["fr"])


@pytest.fixture
def submitted(page, fr_home, locales):
    """``page`` submitted for translation into French and Spanish: {code: task}."""
    translate_object(page, [locales["fr"], locales["es"]])
    return {
        task.target_locale.language_code: task
        for task in TranslationTask.objects.filter(source__object_id=page.translation_key)
    }


def fill(task, text_for=lambda source: f"FR {source}", kind="manual", user=None):
    """Translate every segment of ``task`` (as a translator would)."""
    for segment in StringSegment.objects.filter(source_id=task.source_id).select_related("string"):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale_id=task.target_locale_id,
            context=segment.context,
            defaults={
                "data": text_for(segment.string.data),
                "translation_type": kind,
                "last_translated_by": user,
            },
        )
    task.refresh_from_db()
    return task


def make_team(name, locale, *members, review=False, publish=False):
    team = LocaleTeam.objects.create(
        name=name, locale=locale, can_review=review, can_publish=publish
    )
    team.members.add(*members)
    return team


@pytest.fixture
def users(django_user_model, locales, fr_home):
    """translator (fr), reviewer (fr, may review+publish), outsider (es team), coordinator."""
    make = django_user_model.objects.create_user
    result = {
        "translator": make("translator", "t@example.org", "pw"),
        "reviewer": make("reviewer", "r@example.org", "pw"),
        "outsider": make("outsider", "o@example.org", "pw"),
        "coordinator": make("coordinator", "c@example.org", "pw"),
    }
    make_team("French", locales["fr"], result["translator"])
    make_team("French reviewers", locales["fr"], result["reviewer"], review=True, publish=True)
    make_team("Spanish", locales["es"], result["outsider"])
    coordinator = result["coordinator"]
    coordinator.user_permissions.add(
        Permission.objects.get(codename="submit_translation"),
        Permission.objects.get(codename="access_admin"),
    )
    return result
