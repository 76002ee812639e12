"""The visibility matrix: hidden content never appears anywhere in the API."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from cms.api.models import ChangeEvent
from tests.factories import AwarenessPageFactory
from tests.support.privacy import privacy_world

pytestmark = pytest.mark.django_db

HIDDEN = ["draft", "unpublished", "private", "private_child", "withdrawn_child", "fa_draft"]


@pytest.fixture
def world(home_page, locales, django_capture_on_commit_callbacks):
    """One visible page and one of each kind of hidden page (tests/support/privacy.py)."""
    with django_capture_on_commit_callbacks(execute=True):
        return privacy_world(home_page, locales)


def _all_text(api_client, *paths):
    return "".join(api_client.api(p, **q).content.decode() for p, q in paths)


def test_listings_and_search_show_only_visible(api_client, world):
    text = _all_text(
        api_client,
        ("/pages/", {"limit": 100}),
        ("/pages/", {"limit": 100, "locale": "fa"}),
        ("/pages/", {"limit": 100, "search": "marker"}),
        ("/pages/", {"limit": 100, "locale": "fa", "fallback": "en", "search": "marker"}),
    )
    assert "Visible marker" in text
    for hidden in ("Draft", "Unpublished", "Private", "Withdrawn child", "Fa draft"):
        assert f"{hidden} marker" not in text


@pytest.mark.parametrize("name", HIDDEN)
def test_detail_and_by_path_are_404(api_client, world, name):
    page = world[name]
    assert api_client.api(f"/pages/{page.pk}/", locale=page.locale.language_code).status_code == 404
    path = f"/{page.locale.language_code}{page.url_path.split('/', 2)[2].join(['/', ''])}"
    assert api_client.api("/pages/by-path/", path=path).status_code == 404


def test_by_path_of_visible_page_works(api_client, world):
    assert api_client.api("/pages/by-path/", path="/en/visible/").status_code == 200


def test_translations_never_list_unpublished(api_client, world):
    body = api_client.api(f"/pages/{world['visible'].pk}/").json_body
    assert [t["locale"] for t in body["translations"]] == ["en"]
    assert api_client.api(f"/pages/{world['visible'].pk}/", locale="fa").status_code == 404


@pytest.mark.parametrize("name", HIDDEN)
def test_rich_text_and_chooser_links_to_hidden_pages_are_plain(api_client, world, home_page, name):
    target = world[name]
    page = AwarenessPageFactory(
        parent=home_page,
        slug="linker",
        body=[
            {"type": "paragraph", "value": f'<p><a linktype="page" id="{target.pk}">x</a></p>'},
            {"type": "call_to_action", "value": {"text": "Go", "page": target.pk, "url": ""}},
        ],
    )
    body = api_client.api(f"/pages/{page.pk}/").json_body["body"]
    assert body[0]["value"] == "<p>x</p>"
    assert body[1]["value"]["page"] is None


def test_changes_feed_never_mentions_hidden_pages(api_client, world):
    items = api_client.api("/changes/").json_body["items"]
    mentioned = {item["id"] for item in items}
    assert world["visible"].pk in mentioned
    for name in ("draft", "private_child", "withdrawn_child", "fa_draft"):
        assert world[name].pk not in mentioned
    # Announced then hidden: tombstones only, oldest first.
    unpublished = [i["event"] for i in items if i["id"] == world["unpublished"].pk]
    private = [i["event"] for i in items if i["id"] == world["private"].pk]
    assert unpublished == ["published", "unpublished"]
    assert private == ["published", "unpublished"]
    assert ChangeEvent.objects.count() == len(items)


def test_private_collection_documents_are_hidden(api_client, home_page):
    root = Collection.get_first_root_node()
    secret = root.add_child(name="Secret")
    inner = secret.add_child(name="Inner")
    Document = get_document_model()
    public_doc = Document.objects.create(title="Leaflet", file=ContentFile(b"%PDF-1.4", "a.pdf"))
    hidden_doc = Document.objects.create(
        title="Internal", file=ContentFile(b"%PDF-1.4", "b.pdf"), collection=inner
    )
    CollectionViewRestriction.objects.create(collection=secret, restriction_type="login")
    html = (
        f'<p><a linktype="document" id="{public_doc.pk}">leaflet</a> '
        f'<a linktype="document" id="{hidden_doc.pk}">internal</a></p>'
    )
    page = AwarenessPageFactory(
        parent=home_page, slug="docs", body=[{"type": "paragraph", "value": html}]
    )
    out = api_client.api(f"/pages/{page.pk}/").json_body["body"][0]["value"]
    assert f"/documents/{public_doc.pk}/a.pdf" in out
    assert "internal" in out and f"/documents/{hidden_doc.pk}/" not in out
