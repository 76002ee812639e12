"""Each page type: created, translated through wagtail-localize, rendered in en and ar."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Page
from wagtail_localize.models import StringTranslation, Translation

from home.blocks import ImageBlock
from home.demo.translation import translate_object
from protect.demo import awareness_pages
from protect.models import AwarenessPage, ProjectCountry, ProjectPage
from tests.factories import AwarenessPageFactory, ProjectPageFactory

pytestmark = pytest.mark.django_db


def html_attrs(html: str) -> dict:
    match = re.search(r"<html ([^>]*)>", html)
    return dict(re.findall(r'(\w+)="([^"]*)"', match.group(1)))


def translated(page: Page, code: str) -> Page:
    return page.get_translation(page.locale.__class__.objects.get(language_code=code)).specific


LANGS = ["ar", "prs", "ti", "kmr", "ckb"]


@pytest.fixture
def translated_site(home_page, django_capture_on_commit_callbacks):
    """Home, a project page and an awareness page, translated into a few locales."""
    project = ProjectPageFactory(parent=home_page)
    ProjectCountry.objects.create(page=project, country="GR", note="Mapped in 2019.")
    project.save_revision().publish()
    awareness = AwarenessPageFactory(parent=home_page, title="Who can be affected?")
    for page in (home_page, project, awareness):
        with django_capture_on_commit_callbacks(execute=True):
            translate_object(page, only=LANGS)
    return {"home": home_page, "project": project, "awareness": awareness}


@pytest.mark.parametrize("key", ["home", "project", "awareness"])
def test_page_renders_in_english_with_ltr(client, translated_site, key):
    page = translated_site[key]
    response = client.get(page.url)
    assert response.status_code == 200
    assert html_attrs(response.content.decode()) == {"lang": "en", "dir": "ltr"}
    assert page.title in response.content.decode()


@pytest.mark.parametrize("key", ["home", "project", "awareness"])
def test_page_is_translated_and_rendered_in_arabic_with_rtl(client, translated_site, key):
    page = translated(translated_site[key], "ar")
    assert page.live
    assert page.url.startswith("/ar/")
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert html_attrs(html) == {"lang": "ar", "dir": "rtl"}
    assert "ترجمة تجريبية" in html or "من يمكن أن يتأثر؟" in html


def test_translation_is_a_real_wagtail_localize_record(translated_site):
    awareness = translated_site["awareness"]
    translations = Translation.objects.filter(source__object_id=awareness.translation_key)
    assert translations.count() == len(LANGS)
    arabic = StringTranslation.objects.filter(locale__language_code="ar", data="من يمكن أن يتأثر؟")
    assert arabic.exists()


def test_awareness_title_translated_helpline_number_kept(translated_site):
    page = translated(translated_site["awareness"], "ar")
    assert page.title == "من يمكن أن يتأثر؟"
    helpline = next(block for block in page.body if block.block_type == "helpline")
    assert helpline.value["phone"] == "112"


def test_project_country_children_are_translated(translated_site):
    project = translated(translated_site["project"], "ti")
    assert isinstance(project, ProjectPage)
    assert [c.country for c in project.mapping_countries.all()] == ["GR"]
    assert project.mapping_countries.get().locale.language_code == "ti"


@pytest.mark.parametrize("code", ["prs", "ti", "kmr", "ckb"])
def test_languages_django_lacks_render(client, translated_site, code):
    page = translated(translated_site["awareness"], code)
    response = client.get(page.url)
    assert response.status_code == 200
    expected_dir = "rtl" if code in {"prs", "ckb"} else "ltr"
    assert html_attrs(response.content.decode()) == {"lang": code, "dir": expected_dir}


def test_root_redirects_to_a_language(client, translated_site):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="ar")
    assert response.status_code == 302
    assert response["Location"] == "/ar/"


def test_project_period_must_not_end_before_start(home_page):

    page = ProjectPage(
        title="P",
        slug="p",
        summary="<p>x</p>",
        period_start=datetime.date(2020, 1, 1),
        period_end=datetime.date(2019, 1, 1),
    )
    with pytest.raises(ValidationError, match="cannot end before"):
        page.full_clean()


def test_image_block_requires_alt_text():

    with pytest.raises(ValidationError):
        ImageBlock().clean({"image": None, "alt_text": "", "caption": ""})


def test_awareness_page_allowed_under_home_and_project():
    assert AwarenessPage.can_create_at(ProjectPage())


def test_list_block_items_are_translation_segments(home_page, django_capture_on_commit_callbacks):
    page = awareness_pages()[0]
    home_page.add_child(instance=page)
    page.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        translate_object(page, only=["ar"])
    arabic = translated(page, "ar")
    facts = next(block for block in arabic.body if block.block_type == "key_facts")
    labels = [fact["label"] for fact in facts.value["facts"]]
    assert all("ترجمة تجريبية" in label for label in labels), labels
    assert [fact["figure"] for fact in facts.value["facts"]] == ["12", "23"]
