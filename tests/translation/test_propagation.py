"""Safety-critical facts propagate: synchronised fields reach every translation when the source
is published (tasks record it), an unpublished source takes its translations offline, and
overrides are shown on the task page and checked like segments."""

import json

import pytest
from django.urls import reverse
from wagtail_localize.models import SegmentOverride, TranslationContext

from cms.translation import qa
from cms.translation.models import TaskState, TranslationTask
from cms.translation.services import propagation, publishing, review
from materials.models import Material, SupportService
from materials.selectors import listed_materials
from tests.factories import AwarenessPageFactory, MaterialFactory, SupportServiceFactory
from tests.support.translation import localize


@pytest.fixture
def helpline(locales, django_capture_on_commit_callbacks):
    service = SupportServiceFactory(
        name="Greek national helpline", country="GR", phone="15900", is_emergency=False
    )
    localize(service, ["fa", "fr"], django_capture_on_commit_callbacks)
    return service


def _copy(service, code):
    return SupportService.objects.get(
        translation_key=service.translation_key, locale__language_code=code
    )


def _publish_source(obj, user, capture):
    with capture(execute=True):
        obj.save_revision(user=user).publish(user=user)


def test_new_phone_reaches_every_translation_at_once(
    helpline, admin_user, django_capture_on_commit_callbacks
):
    assert _copy(helpline, "fa").phone == "15900" and _copy(helpline, "fa").live
    helpline.phone, helpline.is_emergency = "15999", True
    _publish_source(helpline, admin_user, django_capture_on_commit_callbacks)
    for code in ("fa", "fr"):
        copy = _copy(helpline, code)
        assert (copy.phone, copy.is_emergency, copy.live) == ("15999", True, True), code
        assert not copy.has_unpublished_changes
        assert copy.live_revision.as_object().phone == "15999"
        task = TranslationTask.objects.get(
            source__object_id=helpline.translation_key, target_locale=copy.locale
        )
        assert task.state == TaskState.PUBLISHED  # republished facts are no queue event
        assert task.transitions.last().comment == "Copied from the source: phone, is_emergency"


def test_an_override_is_kept_shown_and_blocks_review(
    helpline, admin_user, client, users, django_capture_on_commit_callbacks
):
    context = TranslationContext.objects.get(object_id=helpline.translation_key, path="phone")
    fa = _copy(helpline, "fa").locale
    SegmentOverride.objects.create(locale=fa, context=context, data_json=json.dumps("0900 666 666"))
    helpline.phone = "15999"
    _publish_source(helpline, admin_user, django_capture_on_commit_callbacks)
    assert _copy(helpline, "fr").phone == "15999"
    assert propagation.propagate(helpline) == {}  # nothing left to copy; fa keeps its override
    task = TranslationTask.objects.get(source__object_id=helpline.translation_key, target_locale=fa)
    problems = qa.blocking(qa.check_task(task))
    assert problems == [
        "phone (override): Phone numbers differ from the source: copy them exactly."
    ]
    admin_user.is_superuser = True
    client.force_login(admin_user)
    page = client.get(reverse("translation_queue:task", args=[task.pk])).content.decode()
    assert "Overridden values" in page and "0900 666 666" in page
    task.state = TaskState.NEEDS_REVIEW
    task.save()
    with pytest.raises(review.QueueError):
        review.approve(task, admin_user)


def test_unpublished_source_takes_translations_offline(
    home_page, admin_user, locales, django_capture_on_commit_callbacks
):
    page = AwarenessPageFactory(parent=home_page, title="Know your rights")
    localize(home_page, ["fa"], django_capture_on_commit_callbacks)
    localize(page, ["fa"], django_capture_on_commit_callbacks)
    fa_page = page.get_translation(locales["fa"])
    assert fa_page.live
    page.unpublish(user=admin_user)
    fa_page.refresh_from_db()
    assert not fa_page.live
    task = TranslationTask.objects.get(
        source__object_id=page.translation_key, target_locale=locales["fa"]
    )
    assert task.state == TaskState.APPROVED
    with pytest.raises(review.QueueError, match="is not published: publish it first"):
        publishing.publish_translation(task, admin_user)


def test_withdrawn_material_leaves_every_locale(
    locales, admin_user, django_capture_on_commit_callbacks
):
    material = MaterialFactory()
    localize(material, ["fa", "ar"], django_capture_on_commit_callbacks)
    assert listed_materials().filter(translation_key=material.translation_key).count() == 3
    material.status = Material.Status.WITHDRAWN
    material.withdrawal_reason = "The law changed."
    _publish_source(material, admin_user, django_capture_on_commit_callbacks)
    assert not listed_materials().filter(translation_key=material.translation_key).exists()
    statuses = set(
        Material.objects.filter(translation_key=material.translation_key).values_list(
            "status", flat=True
        )
    )
    assert statuses == {Material.Status.WITHDRAWN}
