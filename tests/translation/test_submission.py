"""The worker's submission (``submit_task`` → ``services.submission``): the same records as stock
wagtail-localize's ``TranslationCreator``, in a fraction of its queries."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageLogEntry
from wagtail_localize.models import (
    StringSegment,
    TemplateSegment,
    Translation,
    TranslationContext,
    TranslationLog,
    TranslationSource,
)
from wagtail_localize.operations import TranslationCreator, translate_object

from cms.translation.background import submit_task
from cms.translation.models import TaskTransition, TranslationTask
from home.demo.pages import publish_new_child
from protect.models import AwarenessPage

# A 120-segment page into every configured locale (22): ours ~940 queries, stock ~3,800.
SEGMENTS = 120
BUDGET = 1_000
RATIO = 4


@pytest.fixture
def targets(locales):
    return [locale for code, locale in sorted(locales.items()) if code != "en"]


@pytest.fixture
def translated_home(home_page, targets, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        translate_object(home_page, targets)
    return home_page


def big_page(home, name, segments=SEGMENTS, user=None):
    body = [
        {"type": "paragraph", "value": f"<p>{name} paragraph {n}: help is <b>available</b>.</p>"}
        for n in range(segments - 2)
    ]
    page = AwarenessPage(title=f"{name} page", slug=f"{name}-page", intro="", body=body)
    return publish_new_child(home, page, user)


def run_worker(page, locales, user):
    content_type = ContentType.objects.get_for_model(type(page)).pk
    return submit_task.func(content_type, str(page.pk), [lo.pk for lo in locales], user.pk)


def source_of(page):
    return TranslationSource.objects.get(object_id=page.translation_key, locale=page.locale)


def test_submit_task_stays_well_under_stock(
    translated_home, targets, admin_user, django_assert_max_num_queries
):
    ours, stock = big_page(translated_home, "ours"), big_page(translated_home, "stock")
    with django_assert_max_num_queries(BUDGET) as captured:
        run_worker(ours, targets, admin_user)
    with CaptureQueriesContext(connection) as baseline:
        TranslationCreator(admin_user, targets).create_translations(stock)
    assert len(baseline.captured_queries) >= RATIO * len(captured.captured_queries)
    assert StringSegment.objects.filter(source=source_of(ours)).count() == SEGMENTS
    assert Translation.objects.filter(source=source_of(ours)).count() == len(targets)


def _records(page):
    """What a submission left for ``page``, without ids and names that differ between pages."""
    source = source_of(page)
    name = page.slug.removesuffix("-page")
    segments = sorted(
        (s.context.path.split(".")[0], s.string.data.replace(name, "X"), s.order, s.attrs)
        for s in StringSegment.objects.filter(source=source).select_related("context", "string")
    )
    templates = sorted(
        (s.order, s.template.template)
        for s in TemplateSegment.objects.filter(source=source).select_related("template")
    )
    contexts = TranslationContext.objects.filter(object_id=page.translation_key)
    targets = {}
    for target in Page.objects.filter(translation_key=page.translation_key).exclude(
        locale=page.locale
    ):
        target = target.specific
        task = TranslationTask.objects.get(source=source, target_locale=target.locale)
        targets[target.locale.language_code] = {
            "title": target.title.replace(name, "X"),
            "draft_title": target.draft_title.replace(name, "X"),
            "slug": target.slug.replace(name, "X"),
            "live": target.live,
            "unpublished_changes": target.has_unpublished_changes,
            "parent": target.get_parent().specific.translation_key,
            "parent_locale": target.get_parent().locale_id == target.locale_id,
            "body": [(b.block_type, b.value.source.replace(name, "X")) for b in target.body],
            "same_block_ids": [b.id for b in target.body] == [b.id for b in page.body],
            "revisions": target.revisions.exists(),
            "copy_logged": PageLogEntry.objects.filter(
                page=target, action="wagtail.copy_for_translation"
            ).count(),
            "task": (task.state, task.segments_total, task.segments_remaining, task.words_total),
            "transitions": TaskTransition.objects.filter(task=task).count(),
            "logs": TranslationLog.objects.filter(source=source, locale=target.locale).count(),
            "enabled": Translation.objects.get(source=source, target_locale=target.locale).enabled,
        }
    return {
        "segments": segments,
        "templates": templates,
        "field_paths": sorted(c.field_path for c in contexts),
        "targets": targets,
    }


def test_worker_leaves_what_stock_leaves(translated_home, locales, admin_user):
    # "it" has no translated home page: that target goes through stock's copy of the parents.
    Page.objects.filter(locale=locales["it"]).exclude(depth__lte=1).delete()
    chosen = [locales["fr"], locales["ar"], locales["it"]]
    ours, stock = big_page(translated_home, "ours", 6), big_page(translated_home, "stock", 6)
    run_worker(ours, chosen, admin_user)
    TranslationCreator(admin_user, chosen).create_translations(stock)
    mine, theirs = _records(ours), _records(stock)
    assert set(mine["targets"]) == {"fr", "ar", "it"}
    assert mine["targets"]["fr"]["live"] is False
    assert mine["targets"]["fr"]["parent_locale"] is True
    assert mine["targets"]["fr"]["same_block_ids"] is True
    assert mine == theirs


def test_segments_are_those_refresh_segments_keeps(translated_home, locales, admin_user):
    page = big_page(translated_home, "ours", 10)
    run_worker(page, [locales["fr"]], admin_user)
    source = source_of(page)
    before = sorted(StringSegment.objects.filter(source=source).values_list("pk", flat=True))
    source.refresh_segments()  # stock: get_or_create each; deletes what it did not find
    after = sorted(StringSegment.objects.filter(source=source).values_list("pk", flat=True))
    assert before == after and len(after) == 10
    assert not TranslationContext.objects.filter(object_id=page.translation_key, field_path="")


def test_submitting_again_adds_nothing(translated_home, locales, admin_user):
    page = big_page(translated_home, "ours", 5)
    chosen = [locales["fr"], locales["es"]]
    run_worker(page, chosen, admin_user)
    counts = (Translation.objects.count(), TranslationTask.objects.count(), Page.objects.count())
    run_worker(page, chosen, admin_user)
    assert (
        Translation.objects.count(),
        TranslationTask.objects.count(),
        Page.objects.count(),
    ) == counts


def test_admin_submit_view_runs_the_worker_on_commit(
    client, translated_home, locales, admin_user, django_capture_on_commit_callbacks
):
    page = big_page(translated_home, "ours", 5)
    client.force_login(admin_user)
    chosen = [locales["fr"].pk, locales["es"].pk]
    with django_capture_on_commit_callbacks() as queued:
        response = client.post(f"/admin/localize/submit/page/{page.pk}/", {"locales": chosen})
    assert response.status_code == 302
    assert not Translation.objects.filter(source__object_id=page.translation_key).exists()
    for callback in queued:  # the enqueue (the test settings' backend runs it at once)
        callback()
    made = Translation.objects.filter(source__object_id=page.translation_key)
    assert sorted(made.values_list("target_locale_id", flat=True)) == sorted(chosen)
    assert page.get_translations().filter(locale_id__in=chosen).count() == 2
