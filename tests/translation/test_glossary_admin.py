"""Issue 14.2: each locale's glossary is managed in the admin by that locale's reviewers."""

import pytest
from django.urls import reverse

from cms.translation.memory.models import GlossaryTerm, TermStatus
from tests.factories import GlossaryTermFactory


@pytest.fixture
def terms(locales):
    return {
        "fr": GlossaryTermFactory(locale=locales["fr"], term="victim", translation="victime"),
        "es": GlossaryTermFactory(locale=locales["es"], term="victim", translation="víctima"),
    }


def test_reviewer_lists_and_adds_terms_of_their_locale(client, users, terms, locales):
    client.force_login(users["reviewer"])
    listing = client.get(reverse("glossary:index")).content.decode()
    assert "victime" in listing and "víctima" not in listing
    response = client.post(
        reverse("glossary:add"),
        {
            "locale": locales["fr"].pk,
            "term": "IOM",
            "translation": "",
            "status": TermStatus.DO_NOT_TRANSLATE,
            "part_of_speech": "noun",
            "notes": "",
        },
    )
    assert response.status_code == 302
    assert GlossaryTerm.objects.filter(locale=locales["fr"], term="IOM").exists()


def test_reviewer_cannot_add_or_edit_another_locale(client, users, terms, locales):
    client.force_login(users["reviewer"])
    response = client.post(
        reverse("glossary:add"),
        {"locale": locales["es"].pk, "term": "IOM", "status": TermStatus.DO_NOT_TRANSLATE},
    )
    assert response.status_code == 200  # the form refuses the locale
    assert not GlossaryTerm.objects.filter(term="IOM").exists()
    edit = client.get(reverse("glossary:edit", args=[terms["es"].pk]))
    assert edit.status_code in (302, 404)  # not found (then the language redirect)


def test_translators_without_review_rights_are_refused(client, users, terms):
    client.force_login(users["translator"])
    assert client.get(reverse("glossary:index")).status_code in (302, 403)
    response = client.post(reverse("glossary:delete", args=[terms["fr"].pk]))
    assert response.status_code in (302, 403)
    assert GlossaryTerm.objects.filter(pk=terms["fr"].pk).exists()
