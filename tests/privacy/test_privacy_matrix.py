"""The privacy matrix: every public path × every non-public state leaks nothing — not a title,
not a slug (the marker words of tests/support/privacy_matrix.py), not an id.

Each case asks one public path everything it can be asked about the hidden objects and checks
every answer's whole body. The change log and webhooks may carry tombstones (the id of
something announced and since withdrawn, with event "unpublished") so partners can delete it;
nothing else."""

import json
from urllib.parse import unquote, urlsplit

import pytest
from django.core.cache import cache

from tests.support.privacy_matrix import MARK, build_world, json_ids, webhook_payloads

pytestmark = pytest.mark.django_db

API = "/api/partner/v1"
PAGE_STATES_NEVER_ANNOUNCED = (
    "never_published",
    "draft",
    "child_of_private",
    "unpublished_translation",
    "draft_video",
    "private_video",
    "unpublished_video_translation",
)


@pytest.fixture
def world(home_page, locales, django_capture_on_commit_callbacks):
    cache.clear()
    with django_capture_on_commit_callbacks(execute=True):
        return build_world(home_page, locales)


def _site_path(page) -> str:
    return f"/{page.locale.language_code}/" + page.url_path.split("/", 2)[2]


def pages_list(client, world):
    for query in ("", "?locale=fa", "?locale=fa&fallback=en", "?limit=100&type=protect.VideoPage"):
        yield f"{API}/pages/{query}", "pages"


def page_detail(client, world):
    for page in [*world.pages.values(), world.visible_page, world.superseded_page]:
        yield f"{API}/pages/{page.pk}/", "pages"
        yield f"{API}/pages/{page.pk}/?locale=fa&fallback=en", "pages"


def by_path(client, world):
    for page in world.pages.values():
        yield f"{API}/pages/by-path/?path={_site_path(page)}", "pages"


def search(client, world):
    for state in [*world.pages, "superseded_by_draft"]:
        word = MARK + state.replace("_", "")
        yield f"{API}/pages/?search={word}", "pages"
        yield f"{API}/pages/?search={word}&locale=fa&fallback=en", "pages"


def videos(client, world):
    yield f"{API}/videos/", "pages"
    yield f"{API}/videos/?locale=fa&fallback=en", "pages"
    for page in [*world.pages.values(), world.visible_video]:
        yield f"{API}/videos/{page.pk}/", "pages"
        yield f"{API}/videos/{page.pk}/?locale=fa", "pages"


def tracks_and_transcripts(client, world):
    for page in [*world.pages.values(), world.visible_video]:
        for lang in ("en", "fa"):
            yield f"{API}/videos/{page.pk}/tracks/{lang}.vtt", "pages"
            yield f"{API}/videos/{page.pk}/transcript/{lang}.txt", "pages"


def materials(client, world):
    yield f"{API}/materials/?limit=100", "materials"
    yield f"{API}/materials/?limit=100&kind=information&locale=fa&fallback=en", "materials"
    for material in [*world.materials.values(), world.superseded_material]:
        yield f"{API}/materials/{material.pk}/", "materials"


def downloads(client, world):
    for material in [*world.materials.values(), world.internal_material]:
        for material_file in material.files.all():
            yield material_file.get_download_url(), "materials"


def documents(client, world):
    for document in world.documents.values():
        yield document.url, "documents"


def services_and_countries(client, world):
    yield f"{API}/services/?limit=100", "snippets"
    yield f"{API}/services/?limit=100&country=GR", "snippets"
    yield f"{API}/countries/", "snippets"
    yield f"{API}/countries/?locale=fa&fallback=en", "snippets"


def changes(client, world):
    yield f"{API}/changes/?limit=100", "changes"


def sitemap(client, world):
    yield "/sitemap.xml", "pages"


def rendered_pages(client, world):
    yield "/en/", "pages"
    yield _site_path(world.visible_page), "pages"
    for page in world.pages.values():
        yield _site_path(page), "pages"


def embed(client, world):
    for page in [*world.pages.values(), world.visible_video]:
        yield f"/embed/videos/{page.pk}/", "pages"


def oembed(client, world):
    for page in [*world.pages.values(), world.visible_video]:
        yield f"{API}/oembed/?url=http://localhost{_site_path(page)}", "pages"


PATHS = [
    pages_list,
    page_detail,
    by_path,
    search,
    videos,
    tracks_and_transcripts,
    materials,
    downloads,
    documents,
    services_and_countries,
    changes,
    sitemap,
    rendered_pages,
    embed,
    oembed,
]


def _tombstoned(body: bytes) -> set[int]:
    """Ids whose latest event in a change list is a tombstone."""
    latest = {}
    for item in json.loads(body)["items"]:
        latest[item["id"]] = item["event"]
    return {pk for pk, event in latest.items() if event != "published"}


def _check(url, body: bytes, kind, world):
    problems = []
    # An error may quote what was asked (by-path: "No live, public page at '/en/…'").
    asked = unquote(urlsplit(url).query).partition("=")[2].partition("&")[0]
    if asked:
        body = body.replace(asked.encode(), b"")
    if MARK.encode() in body:
        at = body.index(MARK.encode())
        problems.append(f"{url}: marker leaked: …{body[at - 60 : at + 40]!r}…")
    hidden = {
        "pages": world.hidden_ids("pages"),
        "materials": world.hidden_ids("materials"),
        "snippets": world.hidden_ids("snippets"),
        "documents": set(),
        "changes": world.hidden_ids("pages"),
    }[kind]
    leaked = json_ids(body) & hidden
    if kind == "changes":
        leaked -= _tombstoned(body)
    if leaked:
        problems.append(f"{url}: hidden ids {sorted(leaked)} in {body[:300]!r}")
    return problems


@pytest.mark.parametrize("public_path", PATHS, ids=lambda f: f.__name__)
def test_no_public_path_leaks_any_non_public_state(client, world, public_path):
    problems = []
    for url, kind in public_path(client, world):
        response = client.get(url)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert response.status_code < 500, (url, response.status_code, body[:300])
        problems += _check(url, body, kind, world)
    if public_path is changes:
        # Never-announced states leave no trace at all, not even a tombstone.
        events = json.loads(client.get(f"{API}/changes/?limit=100").content)["items"]
        mentioned = {item["id"] for item in events}
        for state in PAGE_STATES_NEVER_ANNOUNCED:
            if world.pages[state].pk in mentioned:
                problems.append(f"changes: {state} (id {world.pages[state].pk}) announced")
        payloads = webhook_payloads().encode()
        assert b'"event": "published"' in payloads  # the subscription did receive events
        problems += _check("webhooks", payloads, "documents", world)
        for state in PAGE_STATES_NEVER_ANNOUNCED:
            if f'"object_id": {world.pages[state].pk},'.encode() in payloads:
                problems.append(f"webhooks: {state} (id {world.pages[state].pk}) delivered")
    assert not problems, "\n".join(problems)


def test_hidden_files_are_not_served(client, world):
    """Beyond leaking no words: no hidden file is served at all."""
    served = []
    for public_path in (downloads, documents):
        for url, _ in public_path(client, world):
            response = client.get(url)
            if response.status_code == 200:
                served.append(url)
    assert not served
    visible = world.visible_material.files.first()
    assert client.get(visible.document.url).status_code == 200
    assert client.get(visible.get_download_url()).status_code == 200
