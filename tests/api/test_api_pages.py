"""/pages/, /pages/{id}/ and /pages/by-path/: locales, fallback, translations, body, budgets."""

import pytest
from django.core.cache import cache
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import PageViewRestriction

from tests.factories import AwarenessPageFactory
from tests.support.pages import translate_page

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("code", ["en", "ar", "ti"])
def test_listing_in_each_locale(api_client, translated, code):
    response = api_client.api("/pages/", locale=code, type="protect.AwarenessPage")
    assert response.status_code == 200
    assert response["Content-Language"] == code
    (item,) = response.json_body["items"]
    assert item["id"] == translated[code].pk
    assert item["title"] == translated[code].title
    assert item["locale"] == code and item["is_fallback"] is False
    assert item["url"].startswith(f"http://testserver/{code}/")
    assert item["type"] == "protect.AwarenessPage"


def test_translations_list_only_live_ones(api_client, translated):
    item = api_client.api("/pages/", locale="en", type="protect.AwarenessPage").json_body["items"][
        0
    ]
    assert [t["locale"] for t in item["translations"]] == ["en", "ar", "ti"]
    assert {t["id"] for t in item["translations"]} == {
        translated[code].pk for code in ("en", "ar", "ti")
    }


def test_missing_translation_is_404_without_fallback(api_client, translated):
    response = api_client.api(f"/pages/{translated['en'].pk}/", locale="fa")
    assert response.status_code == 404
    assert response.json_body["error"]["code"] == "translation_not_found"
    assert "fallback" in response.json_body["error"]["message"]


def test_fallback_chain_serves_first_available_and_says_so(api_client, translated):
    response = api_client.api(f"/pages/{translated['en'].pk}/", locale="fa", fallback="ps,ar,en")
    assert response.status_code == 200
    body = response.json_body
    assert body["locale"] == "ar" and body["is_fallback"] is True
    assert body["id"] == translated["ar"].pk
    assert response["Content-Language"] == "ar"


def test_listing_with_fallback_fills_gaps_and_flags_them(api_client, translated, home_page):
    only_english = AwarenessPageFactory(parent=home_page, title="English only", slug="en-only")
    body = api_client.api(
        "/pages/", locale="ti", fallback="en", type="protect.AwarenessPage"
    ).json_body
    served = {(item["id"], item["locale"], item["is_fallback"]) for item in body["items"]}
    assert served == {(translated["ti"].pk, "ti", False), (only_english.pk, "en", True)}
    assert body["count"] == 2


def test_detail_in_each_locale_has_typed_body_and_seo(api_client, translated):
    for code in ("en", "ar", "ti"):
        body = api_client.api(f"/pages/{translated['en'].pk}/", locale=code).json_body
        assert body["locale"] == code
        assert body["seo"]["title"] == translated[code].title
        types = [block["type"] for block in body["body"]]
        assert types == ["heading", "paragraph", "helpline"]
        assert body["body"][0]["value"] == {"text": "Know your rights", "level": "h2"}
        assert body["body"][2]["value"]["phone"] == "112"


def test_by_path_serves_the_page_of_the_path(api_client, translated):
    response = api_client.api("/pages/by-path/", path="/ar/rights/")
    assert response.status_code == 200, response.content
    assert response.json_body["id"] == translated["ar"].pk
    assert (
        api_client.api("/pages/by-path/", path="/ar/rights/", locale="ti").json_body["id"]
        == translated["ti"].pk
    )
    missing = api_client.api("/pages/by-path/", path="/ar/nothing/")
    assert missing.status_code == 404
    assert api_client.api("/pages/by-path/").status_code == 400


def test_search_finds_words_in_the_locale(api_client, translated, home_page):
    AwarenessPageFactory(parent=home_page, title="Shelters near you", slug="shelters")
    body = api_client.api("/pages/", locale="en", search="shelters").json_body
    assert [item["title"] for item in body["items"]] == ["Shelters near you"]


def test_pagination(api_client, home_page):
    for n in range(5):
        AwarenessPageFactory(parent=home_page, slug=f"p{n}")
    first = api_client.api("/pages/", type="protect.AwarenessPage", limit=2).json_body
    rest = api_client.api("/pages/", type="protect.AwarenessPage", limit=2, offset=2).json_body
    assert first["count"] == 5 == rest["count"]
    assert len(first["items"]) == 2 and len(rest["items"]) == 2
    assert not {i["id"] for i in first["items"]} & {i["id"] for i in rest["items"]}


# --- rich text --------------------------------------------------------------------------------


def test_rich_text_links_resolve_or_become_plain_text(api_client, home_page, locales):
    public = AwarenessPageFactory(parent=home_page, title="Public", slug="public")
    draft = AwarenessPageFactory(parent=home_page, title="Draft", slug="draft", live=False)
    private = AwarenessPageFactory(parent=home_page, title="Private", slug="private")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    html = (
        f'<p><a linktype="page" id="{public.pk}">public</a> '
        f'<a linktype="page" id="{draft.pk}">draft</a> '
        f'<a linktype="page" id="{private.pk}">private</a> '
        '<a href="javascript:alert(1)">js</a> <a href="data:text/html,x">data</a> '
        '<a href="https://iom.int" onclick="steal()">iom</a><script>bad()</script>'
        '<img src="x" onerror="bad()"></p>'
    )
    page = AwarenessPageFactory(
        parent=home_page, slug="links", body=[{"type": "paragraph", "value": html}]
    )
    out = api_client.api(f"/pages/{page.pk}/").json_body["body"][0]["value"]
    assert '<a href="http://testserver/en/public/" rel="noopener">public</a>' in out
    assert "draft" in out and "/draft/" not in out
    assert "private" in out and "/private/" not in out
    assert "javascript" not in out and "data:" not in out
    assert "onclick" not in out and "onerror" not in out and "script" not in out
    assert '<a href="https://iom.int" rel="noopener">iom</a>' in out


# --- query budgets ----------------------------------------------------------------------------


def test_listing_budget_for_100_items(
    api_client, home_page, locales, django_assert_max_num_queries
):
    pages = [AwarenessPageFactory(parent=home_page, slug=f"b{n}") for n in range(100)]
    for page in pages[:10]:
        translate_page(page, locales["ar"])
    # The prepared page of the requested locale, then (it does not fill the page) the view
    # restrictions, the chain's picks and their translations; version and site roots.
    with django_assert_max_num_queries(7):
        response = api_client.api("/pages/", limit=100, locale="ar", fallback="en")
    assert response.json_body["count"] == 101  # + the home page
    assert len(response.json_body["items"]) == 100


def test_detail_budget_whatever_the_links_images_and_translations(
    api_client, home_page, locales, django_assert_max_num_queries
):
    targets = [AwarenessPageFactory(parent=home_page, slug=f"t{n}") for n in range(15)]
    images = [
        get_image_model().objects.create(title=f"i{n}", file=get_test_image_file(f"i{n}.png"))
        for n in range(6)
    ]
    links = "".join(f'<a linktype="page" id="{t.pk}">l</a>' for t in targets)
    body = [{"type": "paragraph", "value": f"<p>{links}</p>"}]
    body += [
        {"type": "image", "value": {"image": image.pk, "alt_text": "alt", "caption": ""}}
        for image in images
    ]
    body += [
        {"type": "call_to_action", "value": {"text": "Go", "page": t.pk, "url": ""}}
        for t in targets
    ]
    page = AwarenessPageFactory(parent=home_page, slug="heavy", body=body)
    for code in ("ar", "ti", "fr", "es", "so"):
        translate_page(page, locales[code])
    api_client.api(f"/pages/{page.pk}/")  # renditions are made once, then reused

    cache.clear()
    with django_assert_max_num_queries(12):
        response = api_client.api(f"/pages/{page.pk}/")
    body = response.json_body
    images_out = [b["value"]["image"] for b in body["body"] if b["type"] == "image"]
    assert len(images_out) == 6
    assert set(images_out[0]["renditions"]) == {"thumbnail", "small", "medium", "large"}
    assert images_out[0]["alt"] == "alt"
    assert len(body["translations"]) == 6
    assert body["body"][0]["value"].count("<a href=") == 15


def test_if_none_match_is_answered_before_serialisation(
    api_client, translated, django_assert_num_queries
):
    url = f"/api/partner/v1/pages/{translated['en'].pk}/"
    etag = api_client.get(url)["ETag"]
    with django_assert_num_queries(0):
        assert api_client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
