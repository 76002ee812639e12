"""Fixtures for the translation queue: a page submitted to a few locales, teams and users."""

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask
from wagtail_localize.operations import translate_object

from cms.translation.exchange import export_zip
from cms.translation.services import review
from tests.factories import AwarenessPageFactory, LocaleTeamFactory, TranslationTaskFactory
from tests.support.translation import fill


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
    return {
        code: TranslationTaskFactory(source=page, locale=locales[code]) for code in ("fr", "es")
    }


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
    LocaleTeamFactory(name="French", locale=locales["fr"], members=[result["translator"]])
    LocaleTeamFactory(
        name="French reviewers",
        locale=locales["fr"],
        members=[result["reviewer"]],
        can_review=True,
        can_publish=True,
    )
    LocaleTeamFactory(name="Spanish", locale=locales["es"], members=[result["outsider"]])
    coordinator = result["coordinator"]
    coordinator.user_permissions.add(
        Permission.objects.get(codename="submit_translation"),
        Permission.objects.get(codename="access_admin"),
    )
    return result


@pytest.fixture
def exported(submitted, users):
    """The French task translated by the translator, and its export zip."""
    task = fill(submitted["fr"], user=users["translator"])
    return task, export_zip.build([task])


@pytest.fixture
def direct_publishing():
    # Wagtail's default workflow covers the whole tree; these tests publish without one.
    WorkflowPage.objects.all().delete()


@pytest.fixture
def ready(submitted, users):
    """The French task, fully translated by the translator and sent for review."""
    task = fill(submitted["fr"], user=users["translator"])
    review.request_review(task, users["translator"])
    return task


@pytest.fixture
def french_workflow(fr_home):
    workflow = Workflow.objects.create(name="French review", active=True)
    task = GroupApprovalTask.objects.create(name="French approval", active=True)
    task.groups.set(Group.objects.filter(name="Moderators"))
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.all().delete()
    WorkflowPage.objects.create(workflow=workflow, page=fr_home)
    return workflow
