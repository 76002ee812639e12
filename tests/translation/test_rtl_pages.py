"""Issue 10.6: translators' pages show target text in the target locale's language and
direction (Farsi and Arabic right to left)."""

import pytest
from django.urls import reverse
from wagtail_localize.operations import translate_object

from tests.factories import TranslationTaskFactory
from tests.support.translation import fill

pytestmark = pytest.mark.django_db


@pytest.fixture
def farsi_task(page, home_page, locales):
    translate_object(home_page, [locales["fa"]])
    return fill(TranslationTaskFactory(source=page, locale=locales["fa"]), lambda s: f"فا {s}")


def test_task_page_marks_target_text_rtl(client, admin_user, farsi_task):
    client.force_login(admin_user)
    html = client.get(reverse("translation_queue:task", args=[farsi_task.pk])).content.decode()
    assert 'lang="fa" dir="rtl" class="translation-target"' in html
    assert 'lang="en" dir="ltr"' in html  # the source column keeps English's direction


def test_wagtail_localize_editor_gets_the_direction_script(client, admin_user, farsi_task):
    client.force_login(admin_user)
    target = farsi_task.translation.get_target_instance()
    html = client.get(reverse("wagtailadmin_pages:edit", args=[target.pk])).content.decode()
    assert "js-translation-editor" in html  # wagtail-localize's editor, not the page form
    assert "translation/editor-direction" in html
    rtl = html.split('data-rtl="', 1)[1].split('"', 1)[0].split()
    assert {"ar", "fa"} <= set(rtl) and "en" not in rtl
