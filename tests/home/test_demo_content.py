"""load_demo_content end to end: it commits per object (queued work is collected on commit), so
this runs as one transactional test; serialized_rollback restores the migrated data for the
tests that follow."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import Page, Revision, Site
from wagtail_localize.models import Translation

from home.management.commands import load_demo_content
from home.models import HomePage
from protect.models import AwarenessPage, ProjectPage

# The full demo translates ~60 objects into 22 languages; one RTL language proves the same paths
# (every language is rendered in tests/protect/test_pages.py and tests/home/test_languages.py).
LANGUAGES = ["ar"]


def run_demo() -> str:
    out = StringIO()
    call_command("load_demo_content", languages=",".join(LANGUAGES), stdout=out, verbosity=0)
    return out.getvalue()


@pytest.mark.timeout(1800)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_demo_content_is_built_translated_and_idempotent(client, migrated_basics):
    assert "Demo content ready" in run_demo()

    # Home, the project page with the seed's text, awareness pages; the site points at home.
    assert HomePage.objects.count() == 1 + len(LANGUAGES)
    project = ProjectPage.objects.get(locale__language_code="en")
    assert "strengthen national support services" in project.summary
    assert project.status == ProjectPage.Status.COMPLETE
    assert project.mapping_countries.count() == 12
    assert len(project.activities) == 3
    assert AwarenessPage.objects.filter(locale__language_code="en").count() >= 3
    assert Site.objects.get(is_default_site=True).root_page.specific_class is HomePage

    # Every page is live in each requested language, through wagtail-localize records.
    for page in Page.objects.filter(locale__language_code="en", depth__gt=1):
        codes = set(
            page.get_translations(inclusive=True)
            .live()
            .values_list("locale__language_code", flat=True)
        )
        assert codes == {"en", *LANGUAGES}, page.title
        translations = Translation.objects.filter(source__object_id=page.translation_key)
        assert translations.count() == len(LANGUAGES), page.title
    # Saved once per translation, published: no draft target first (below the locale homes).
    for target in Page.objects.filter(locale__language_code__in=LANGUAGES, depth__gt=2):
        assert target.revisions.count() == 1, target.title
        assert target.live_revision_id == target.latest_revision_id, target.title

    # A second run changes nothing and says so.
    pages, revisions = Page.objects.count(), Revision.objects.count()
    assert "nothing changed" in run_demo()
    assert (Page.objects.count(), Revision.objects.count()) == (pages, revisions)

    response = client.get("/ar/")
    assert response.status_code == 200
    assert '<html lang="ar" dir="rtl">' in response.content.decode()


def test_without_languages_every_configured_locale_is_targeted():
    command = load_demo_content.Command()
    assert command._languages(None) is None  # None: translate_object targets every locale
    assert command._languages("ar, ti") == ["ar", "ti"]


def test_unknown_language_is_refused_with_the_configured_list():
    with pytest.raises(CommandError, match=r"Unknown language code\(s\): xx"):
        call_command("load_demo_content", languages="ar,xx")
