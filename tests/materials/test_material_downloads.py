"""Stable download URLs with neutral names, honouring status, publication and privacy."""

import pytest
from wagtail.models import Collection, CollectionViewRestriction

from materials import selectors
from tests.factories import MaterialFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def private_collection(root_collection):
    collection = root_collection.add_child(name="Internal")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    return collection


def test_download_has_a_stable_url_and_a_neutral_name(client, locales):
    material = MaterialFactory(reference_number="PROTECT-INF-GR-C", files=[("ar", "screen")])
    material_file = material.files.get()
    url = material_file.get_download_url()
    assert url == f"/downloads/materials/{material_file.pk}/protect-inf-gr-c-ar-screen.pdf"
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'attachment; filename="protect-inf-gr-c-ar-screen.pdf"'
    )
    assert response["ETag"] == f'"{material_file.sha256}"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"].startswith("public")
    body = b"".join(response.streaming_content)
    assert body.startswith(b"%PDF-") and len(body) == material_file.size_bytes
    assert client.head(url).status_code == 200
    assert client.post(url).status_code == 405


def test_superseded_material_files_still_resolve(client, locales):
    new = MaterialFactory(title="New")
    old = MaterialFactory(title="Old", status="superseded", superseded_by=new)
    assert client.get(old.files.get().get_download_url()).status_code == 200


def test_withdrawn_and_unpublished_materials_are_not_served(client, locales):
    withdrawn = MaterialFactory(title="W", status="withdrawn", withdrawal_reason="Outdated law.")
    draft = MaterialFactory(title="D", publish=False)
    for material in (withdrawn, draft):
        assert client.get(material.files.get().get_download_url()).status_code == 404
    assert client.get("/downloads/materials/999999/x.pdf").status_code == 404


def test_private_collection_asks_for_login(client, admin_user, locales, private_collection):
    material = MaterialFactory(collection=private_collection)
    url = material.files.get().get_download_url()
    response = client.get(url)
    assert response.status_code == 302
    assert "/login" in response["Location"]
    client.force_login(admin_user)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"


def test_selectors_publish_only_public_files(locales, private_collection):
    public = MaterialFactory(title="Public", files=[("en", "screen"), ("ar", "screen")])
    MaterialFactory(title="Private", collection=private_collection)
    MaterialFactory(title="Draft", publish=False)
    MaterialFactory(title="Gone", status="withdrawn", withdrawal_reason="Replaced.")
    titles = {f.material.title for f in selectors.public_files()}
    assert titles == {"Public"}
    listed = selectors.filter_materials(selectors.listed_materials(), language="ar")
    assert list(listed) == [public]
    grouped = selectors.files_by_group([public.translation_key], language="ar")
    assert [f.language for f in grouped[public.translation_key]] == ["ar"]


def test_private_collection_children_are_private_too(locales, private_collection):
    inner = private_collection.add_child(name="Inner")
    MaterialFactory(collection=inner)
    sibling = Collection.get_first_root_node().add_child(name="Internal 2")  # path prefix trap
    public = MaterialFactory(title="Public", collection=sibling)
    assert [f.material for f in selectors.public_files()] == [public]
