"""Roles × endpoints × own/other locale: translators work only in their teams' locales, on every
path (queue, bulk actions, exports, wagtail-localize's views, Wagtail's page and snippet views)."""

from urllib.parse import urlencode

import pytest
from django.urls import reverse
from wagtail_localize.models import (
    OverridableSegment,
    SegmentOverride,
    StringSegment,
    TranslationSource,
)
from wagtail_localize.operations import translate_object

from cms.translation.models import TaskState, TranslationTask
from materials.models import SupportService


@pytest.fixture
def service(locales, django_capture_on_commit_callbacks):
    source = SupportService(
        name="Helpline", country="NL", phone="+31 20 123 4567", locale=locales["en"]
    )
    source.save()
    source.save_revision().publish()
    translate_object(source, [locales["fr"], locales["es"]])
    return source


@pytest.fixture
def world(submitted, service, users, locales):
    """What each locale column points at: the task, its target page and its snippet copy."""
    out = {}
    for code, other in (("fr", "own"), ("es", "other")):
        task = submitted[code]
        out[other] = {
            "task": task,
            "page": task.translation.get_target_instance(),
            "snippet": service.get_translation(locales[code]),
        }
    return out


def _string_put(client, task):
    segment = StringSegment.objects.filter(source_id=task.source_id).first()
    url = reverse(
        "wagtail_localize:edit_string_translation", args=[task.translation_id, segment.pk]
    )
    return client.put(
        url, urlencode({"value": "Texte"}), content_type="application/x-www-form-urlencoded"
    )


ENDPOINTS = {
    "queue_detail": lambda c, w: c.get(reverse("translation_queue:task", args=[w["task"].pk])),
    "bulk_due_date": lambda c, w: c.post(
        reverse("translation_queue:bulk"),
        {"action": "due_date", "task": w["task"].pk, "due_date": "2030-01-01"},
    ),
    "bulk_export": lambda c, w: c.post(
        reverse("translation_queue:bulk"), {"action": "export_xliff", "task": w["task"].pk}
    ),
    "localize_string_edit": lambda c, w: _string_put(c, w["task"]),
    "localize_po_download": lambda c, w: c.get(
        reverse("wagtail_localize:download_pofile", args=[w["task"].translation_id])
    ),
    "page_edit": lambda c, w: c.get(reverse("wagtailadmin_pages:edit", args=[w["page"].pk])),
    "snippet_edit": lambda c, w: c.get(
        reverse("wagtailsnippets_materials_supportservice:edit", args=[w["snippet"].pk])
    ),
}
HOME = "/admin/"


def refused(response) -> bool:
    # Wagtail turns PermissionDenied in admin views into a redirect to the dashboard, and
    # LocaleMiddleware turns an admin 404 into a redirect to a language-prefixed (missing) URL.
    return response.status_code in (403, 404) or (
        response.status_code == 302 and (response.url == HOME or response.url.startswith("/en/"))
    )


def allowed(response) -> bool:
    return response.status_code in (200, 201) or (
        response.status_code == 302 and not refused(response)
    )


# role: (its own locale, whether it may also work on the other locale)
ROLES = {"translator": ("fr", False), "outsider": ("es", False), "admin": ("fr", True)}


@pytest.mark.parametrize("role", sorted(ROLES))
def test_roles_endpoints_locales_matrix(client, users, world, admin_user, role):
    """Every endpoint × own/other locale for one role; one test per role keeps setup cheap."""
    client.force_login(admin_user if role == "admin" else users[role])
    own_code, everywhere = ROLES[role]
    by_code = {"fr": world["own"], "es": world["other"]}
    wrong = []
    for endpoint in sorted(ENDPOINTS):
        for code, target in by_code.items():
            response = ENDPOINTS[endpoint](client, target)
            expected_allowed = everywhere or code == own_code
            ok = allowed(response) if expected_allowed else refused(response)
            if not ok:
                wrong.append(f"{endpoint} on {code}: {response.status_code}")
    assert wrong == []


def test_refused_string_edit_changes_nothing(client, users, world):
    client.force_login(users["translator"])
    task = world["other"]["task"]
    _string_put(client, task)
    task.refresh_from_db()
    assert task.segments_remaining == task.segments_total


def test_only_source_editors_submit_or_sync(client, users, world, page):
    source = TranslationSource.objects.get_for_instance(page)
    for role in ("translator", "outsider", "coordinator"):
        client.force_login(users[role])
        submit = client.get(reverse("wagtail_localize:submit_page_translation", args=[page.pk]))
        sync = client.get(reverse("wagtail_localize:update_translations", args=[source.pk]))
        assert refused(submit) and refused(sync), role


def test_source_editor_may_submit(client, admin_user, world, page):
    client.force_login(admin_user)
    response = client.get(reverse("wagtail_localize:submit_page_translation", args=[page.pk]))
    assert response.status_code == 200


def test_translator_cannot_edit_source_page(client, users, world, page):
    client.force_login(users["translator"])
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert refused(response)


def test_editor_publish_needs_an_approved_task(client, users, world):
    target = world["own"]["page"]
    for role in ("translator", "reviewer"):
        client.force_login(users[role])
        response = client.post(
            reverse("wagtailadmin_pages:edit", args=[target.pk]), {"action": "publish"}
        )
        assert refused(response), role
    target.refresh_from_db()
    assert not target.live
    assert world["own"]["task"].state != TaskState.PUBLISHED


def test_javascript_link_override_is_refused(client, users, world, page):
    page.body = [{"type": "paragraph", "value": '<p>See <a href="https://iom.int">IOM</a></p>'}]
    page.save_revision().publish()
    TranslationSource.objects.get_for_instance(page).update_from_db()
    segment = OverridableSegment.objects.filter(source__object_id=page.translation_key).first()
    assert segment is not None
    client.force_login(users["translator"])
    task = world["own"]["task"]
    url = reverse("wagtail_localize:edit_override", args=[task.translation_id, segment.pk])

    def put(value):
        return client.put(
            url, urlencode({"value": value}), content_type="application/x-www-form-urlencoded"
        )

    for value in (
        "javascript:alert(1)",
        " JaVa\tScRiPt:alert(1)",
        "data:text/html,<b>",
        "vbscript:x",
    ):
        response = put(value)
        assert response.status_code == 400, value
        assert "may not use" in response.content.decode()
    assert not SegmentOverride.objects.exists()
    assert put("https://www.iom.int/fr").status_code in (200, 201)
    assert SegmentOverride.objects.get().data == "https://www.iom.int/fr"


def test_coordinator_without_team_sees_every_locale_in_the_queue(client, users, world):
    client.force_login(users["coordinator"])
    # "All tasks" (the default for editors is "needs attention").
    response = client.get(reverse("translation_queue:index"), {"mine": ""})
    shown = {task.target_locale.language_code for task in response.context["object_list"]}
    assert shown == {"fr", "es"}


def test_submitting_to_many_locales_only_enqueues(
    client, admin_user, page, fr_home, locales, django_capture_on_commit_callbacks
):
    client.force_login(admin_user)
    url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
    chosen = [locales["fr"].pk, locales["es"].pk, locales["ar"].pk]
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = client.post(url, {"locales": chosen})
    assert response.status_code == 302
    # Nothing was translated inside the request; the worker (run here) does it, once.
    assert not TranslationTask.objects.filter(source__object_id=page.translation_key).exists()
    for callback in callbacks:
        callback()
    client.post(url, {"locales": chosen})  # a repeat creates no duplicates
    tasks = TranslationTask.objects.filter(source__object_id=page.translation_key)
    assert sorted(t.target_locale.language_code for t in tasks) == ["ar", "es", "fr"]
