"""The pages listing's prepared query (``cms.api.page_listing``) answers what the ORM's picking
(``cms.fallback.page_of_picks``, ``translations_for``) answers, hidden pages included in the
tree: every window, one locale or a chain, with and without a type."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.test import RequestFactory
from wagtail.models import PageViewRestriction

from cms.api.page_listing import requested_locale_page
from cms.api.serializers.pages import ROW_FIELDS, translations_for
from cms.fallback import page_of_picks
from cms.visibility import public_pages
from protect.models import AwarenessPage
from tests.factories import AwarenessPageFactory
from tests.support.pages import translate_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree(home_page, locales):
    """Awareness pages in en, some in ar and fr; hidden ones (a draft, a view-restricted
    section with a child, a withdrawn section with a live child, a draft translation)."""
    pages = [AwarenessPageFactory(parent=home_page, slug=f"p{n}") for n in range(6)]
    for page in pages[::2]:
        translate_page(page, locales["ar"], title=f"ar {page.slug}")
    translate_page(pages[1], locales["fr"])
    translate_page(pages[3], locales["ar"], publish=False)  # a draft translation
    AwarenessPageFactory(parent=home_page, slug="draft", live=False)
    private = AwarenessPageFactory(parent=home_page, slug="private")
    AwarenessPageFactory(parent=private, slug="private-child")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    withdrawn = AwarenessPageFactory(parent=home_page, slug="withdrawn")
    AwarenessPageFactory(parent=withdrawn, slug="withdrawn-child")
    translate_page(withdrawn, locales["ar"])
    withdrawn.live = False
    withdrawn.save(update_fields=["live"])
    return pages


def _by_orm(request, codes, model, offset, limit):
    queryset = public_pages(request=request)
    if model is not None:
        queryset = queryset.filter(content_type=ContentType.objects.get_for_model(model))
    rows, count = page_of_picks(queryset, codes, ["path"], ROW_FIELDS, offset, limit)
    return rows, count, translations_for(request, [row["translation_key"] for row in rows])


@pytest.mark.parametrize("codes", [("en",), ("ar",), ("fr",), ("ar", "en"), ("fr", "ar", "en")])
@pytest.mark.parametrize("model", [None, AwarenessPage])
def test_the_prepared_listing_answers_what_the_orm_picks(tree, codes, model):
    type_id = None if model is None else ContentType.objects.get_for_model(model).pk
    checked = 0
    for offset in range(0, 11):
        for limit in (1, 3, 20):
            request = RequestFactory().get("/")
            rows, count, translations = requested_locale_page(
                request, codes, type_id, offset, limit
            )
            expected_rows, expected_count, expected_translations = _by_orm(
                RequestFactory().get("/"), codes, model, offset, limit
            )
            assert count == expected_count, (offset, limit)
            if len(rows) == limit or len(codes) == 1:
                # Filled by the requested locale (or only one): the page itself.
                assert rows == expected_rows, (offset, limit)
                assert translations == expected_translations, (offset, limit)
                checked += 1
            else:  # reaching into the fallbacks: the requested locale's rows start the page
                assert rows == expected_rows[: len(rows)], (offset, limit)
    assert checked  # every case has pages filled by its requested locale
    assert expected_count > 0


def test_translations_of_listed_pages_leave_out_hidden_ones(tree, locales):
    request = RequestFactory().get("/")
    rows, count, translations = requested_locale_page(request, ("en",), None, 0, 100)
    slugs = {row["url_path"].rstrip("/").rsplit("/", 1)[-1] for row in rows}
    assert slugs == {"home", *(page.slug for page in tree)}
    assert count == len(rows)
    by_page = {row["id"]: translations[row["translation_key"]] for row in rows}
    assert [t["locale"] for t in by_page[tree[3].pk]] == ["en"]  # its ar translation is a draft
    assert [t["locale"] for t in by_page[tree[0].pk]] == ["en", "ar"]
