"""Tasks follow wagtail-localize's records; states move only along allowed transitions; a source
publish makes exactly the affected tasks stale and keeps old translations as suggestions."""

import pytest
from django.core.management import call_command
from wagtail_localize.models import (
    String,
    StringSegment,
    StringTranslation,
    Translation,
)
from wagtail_localize.strings import StringValue

from cms.translation.models import SegmentSuggestion, TaskState, TaskTransition, TranslationTask
from cms.translation.services import workflow, writing
from tests.support.translation import fill


def test_submitting_creates_one_task_per_locale(submitted, page):
    assert set(submitted) == {"fr", "es"}
    task = submitted["fr"]
    assert task.state == TaskState.UNTRANSLATED
    assert task.title == "Know your rights"
    assert task.segments_total == task.segments_remaining > 3
    assert task.words_total == task.words_remaining > 10
    first = task.transitions.get()
    assert (first.from_state, first.to_state) == ("", TaskState.UNTRANSLATED)


def test_translating_moves_state_and_keeps_counts_current(submitted, admin_user):
    task = submitted["fr"]
    segment = StringSegment.objects.filter(source_id=task.source_id).select_related("string")[0]
    writing.write_strings(
        task.translation, {segment: "Connaître vos droits"}, admin_user, origin="editor"
    )
    task.refresh_from_db()
    assert task.state == TaskState.IN_PROGRESS
    assert task.segments_remaining == task.segments_total - 1
    assert task.last_translator == admin_user
    assert submitted["es"].segments_remaining == submitted["es"].segments_total


def test_illegal_transition_is_refused_and_not_logged(submitted):
    task = submitted["fr"]
    before = TaskTransition.objects.count()
    with pytest.raises(
        workflow.IllegalTransition, match="cannot go from Untranslated to Published"
    ):
        workflow.transition(task, TaskState.PUBLISHED)
    task.refresh_from_db()
    assert task.state == TaskState.UNTRANSLATED
    assert TaskTransition.objects.count() == before


def test_every_transition_is_recorded(submitted, admin_user):
    task = fill(submitted["fr"])
    workflow.transition(task, TaskState.NEEDS_REVIEW, user=admin_user, comment="please check")
    last = task.transitions.last()
    assert (last.from_state, last.to_state, last.user, last.comment) == (
        TaskState.IN_PROGRESS,
        TaskState.NEEDS_REVIEW,
        admin_user,
        "please check",
    )


def _edit_intro(page, text, django_capture_on_commit_callbacks):
    page.intro = text
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()


def test_source_publish_makes_only_affected_tasks_stale(
    submitted, page, django_capture_on_commit_callbacks
):
    fr = fill(submitted["fr"])
    es = submitted["es"]  # untouched: nothing translated, so nothing to go stale
    old_intro = page.intro
    _edit_intro(page, "Everyone has rights.", django_capture_on_commit_callbacks)
    fr.refresh_from_db()
    es.refresh_from_db()
    assert fr.state == TaskState.STALE
    assert fr.stale_segments == 1
    assert fr.segments_remaining == 1
    assert es.state == TaskState.UNTRANSLATED
    suggestion = SegmentSuggestion.objects.get(task=fr)
    assert suggestion.previous_source == old_intro
    assert suggestion.previous_translation == f"FR {old_intro}"
    # Human work is never thrown away: the old translation is still stored.
    assert StringTranslation.objects.filter(data=f"FR {old_intro}").exists()


def test_publish_without_text_change_leaves_tasks_alone(
    submitted, page, django_capture_on_commit_callbacks
):
    fr = fill(submitted["fr"])
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    fr.refresh_from_db()
    assert fr.state == TaskState.IN_PROGRESS
    assert fr.stale_segments == 0


def test_change_already_translated_elsewhere_is_not_stale(
    submitted, page, django_capture_on_commit_callbacks
):
    fr = fill(submitted["fr"])
    new_text = "Everyone has rights."
    # French already has this exact text translated in this context (e.g. imported earlier).
    segment = StringSegment.objects.filter(source_id=fr.source_id, context__path="intro").get()
    string = String.from_value(page.locale, StringValue.from_plaintext(new_text))
    StringTranslation.objects.create(
        translation_of=string,
        locale_id=fr.target_locale_id,
        context=segment.context,
        data="Tout le monde a des droits.",
        translation_type="manual",
    )
    _edit_intro(page, new_text, django_capture_on_commit_callbacks)
    fr.refresh_from_db()
    assert fr.state == TaskState.IN_PROGRESS
    assert fr.segments_remaining == 0


def test_backfill_creates_missing_tasks_with_progress(submitted, capsys):
    TranslationTask.objects.all().delete()
    call_command("backfill_translation_tasks", verbosity=0)
    assert TranslationTask.objects.count() == Translation.objects.count()
    call_command("backfill_translation_tasks", verbosity=0)  # idempotent
    assert TranslationTask.objects.count() == Translation.objects.count()
