import pytest
from django.core.management import call_command
from wagtail.models import Page, Revision, Site
from wagtail_localize.models import Translation

from home.models import HomePage
from protect.models import AwarenessPage, ProjectPage

pytestmark = pytest.mark.django_db(transaction=False)


# The full demo translates ~60 objects into 22 languages; three languages prove the same paths.
LANGUAGES = ["ar", "ti", "prs"]


@pytest.fixture(scope="module")
def demo_db(django_db_setup, django_db_blocker):
    """Load the demo once for this module, in English and three other languages."""
    with django_db_blocker.unblock():
        from io import StringIO

        out = StringIO()
        call_command("load_demo_content", languages=",".join(LANGUAGES), stdout=out, verbosity=0)
        yield out.getvalue()
        # Leave the shared test database as other modules expect it.
        Page.objects.filter(depth__gt=1).delete()
        Translation.objects.all().delete()


def test_demo_builds_home_project_and_awareness_pages(demo_db):
    assert "Demo content ready" in demo_db
    assert HomePage.objects.count() == 1 + len(LANGUAGES)
    assert ProjectPage.objects.count() == 1 + len(LANGUAGES)
    assert AwarenessPage.objects.filter(locale__language_code="en").count() >= 3
    site = Site.objects.get(is_default_site=True)
    assert site.root_page.specific_class is HomePage


def test_demo_project_page_carries_the_seed(demo_db):
    project = ProjectPage.objects.get(locale__language_code="en")
    assert "strengthen national support services" in project.summary
    assert project.status == ProjectPage.Status.COMPLETE
    assert project.mapping_countries.count() == 12
    assert len(project.activities) == 3


def test_every_page_is_live_in_each_requested_language(demo_db):
    for page in Page.objects.filter(locale__language_code="en", depth__gt=1):
        codes = set(
            page.get_translations(inclusive=True)
            .live()
            .values_list("locale__language_code", flat=True)
        )
        assert codes == {"en", *LANGUAGES}, page.title


def test_translations_are_wagtail_localize_records(demo_db):
    english_pages = Page.objects.filter(locale__language_code="en", depth__gt=1)
    for page in english_pages:
        translations = Translation.objects.filter(source__object_id=page.translation_key)
        assert translations.count() == len(LANGUAGES), page.title


def test_second_run_changes_nothing_and_says_so(demo_db):
    from io import StringIO

    pages, revisions = Page.objects.count(), Revision.objects.count()
    out = StringIO()
    call_command("load_demo_content", languages=",".join(LANGUAGES), stdout=out, verbosity=0)
    assert "nothing changed" in out.getvalue()
    assert (Page.objects.count(), Revision.objects.count()) == (pages, revisions)


def test_demo_pages_render_in_arabic_and_tigrinya(demo_db, client):
    for code, direction in (("ar", "rtl"), ("ti", "ltr"), ("prs", "rtl")):
        response = client.get(f"/{code}/")
        assert response.status_code == 200
        assert f'<html lang="{code}" dir="{direction}">' in response.content.decode()


def test_without_languages_every_configured_locale_is_targeted(monkeypatch):
    from home.management.commands import load_demo_content

    command = load_demo_content.Command()
    assert command._languages(None) is None  # None: translate_object targets every locale
    assert command._languages("ar, ti") == ["ar", "ti"]


def test_unknown_language_is_refused_with_the_configured_list():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="Unknown language code\\(s\\): xx"):
        call_command("load_demo_content", languages="ar,xx")
