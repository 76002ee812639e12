import pytest
from django.core.management import call_command
from wagtail.models import Page, Revision, Site
from wagtail_localize.models import Translation

from home.models import HomePage
from protect.models import AwarenessPage, ProjectPage

pytestmark = pytest.mark.django_db(transaction=False)


@pytest.fixture(scope="module")
def demo_db(django_db_setup, django_db_blocker):
    """Load the demo once for this module (it translates every page 22 times)."""
    with django_db_blocker.unblock():
        from io import StringIO

        out = StringIO()
        call_command("load_demo_content", stdout=out, verbosity=0)
        yield out.getvalue()
        # Leave the shared test database as other modules expect it.
        Page.objects.filter(depth__gt=1).delete()
        Translation.objects.all().delete()


def test_demo_builds_home_project_and_awareness_pages(demo_db):
    assert "Demo content ready" in demo_db
    assert HomePage.objects.count() == 23
    assert ProjectPage.objects.count() == 23
    assert AwarenessPage.objects.filter(locale__language_code="en").count() >= 3
    site = Site.objects.get(is_default_site=True)
    assert site.root_page.specific_class is HomePage


def test_demo_project_page_carries_the_seed(demo_db):
    project = ProjectPage.objects.get(locale__language_code="en")
    assert "strengthen national support services" in project.summary
    assert project.status == ProjectPage.Status.COMPLETE
    assert project.mapping_countries.count() == 12
    assert len(project.activities) == 3


def test_every_page_is_live_in_all_23_languages(demo_db):
    for page in Page.objects.filter(locale__language_code="en", depth__gt=1):
        assert page.get_translations(inclusive=True).live().count() == 23, page.title


def test_translations_are_wagtail_localize_records(demo_db):
    english_pages = Page.objects.filter(locale__language_code="en", depth__gt=1).count()
    assert Translation.objects.count() == english_pages * 22


def test_second_run_changes_nothing_and_says_so(demo_db):
    from io import StringIO

    pages, revisions = Page.objects.count(), Revision.objects.count()
    out = StringIO()
    call_command("load_demo_content", stdout=out, verbosity=0)
    assert "nothing changed" in out.getvalue()
    assert (Page.objects.count(), Revision.objects.count()) == (pages, revisions)


def test_demo_pages_render_in_arabic_and_tigrinya(demo_db, client):
    for code, direction in (("ar", "rtl"), ("ti", "ltr"), ("prs", "rtl")):
        response = client.get(f"/{code}/")
        assert response.status_code == 200
        assert f'<html lang="{code}" dir="{direction}">' in response.content.decode()
