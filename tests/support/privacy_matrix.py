"""The privacy matrix's world: one visible object per kind and one object in each non-public
state, each titled (and, for pages, slugged) with a unique marker word, so a test can search any
answer's whole body for what must never appear in it; and the ids of everything hidden, per kind.
"""

import json
from dataclasses import dataclass, field

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from cms.webhooks.models import Delivery, Subscription
from tests.factories import (
    AwarenessPageFactory,
    CountryFactory,
    MaterialFactory,
    SupportServiceFactory,
    VideoPageFactory,
)
from tests.support.pages import translate_page
from tests.support.subtitles import cue_blocks

MARK = "zqx"


def marker(state: str) -> str:
    return MARK + state.replace("_", "")


def marker_cues(state: str):
    return cue_blocks([(1000, 4000, f"{marker(state)} cue"), (5000, 8000, "second")])


@dataclass
class World:
    visible_page: object = None
    visible_video: object = None
    # state -> object, per kind; the state names are the matrix's rows
    pages: dict = field(default_factory=dict)
    materials: dict = field(default_factory=dict)
    snippets: dict = field(default_factory=dict)
    documents: dict = field(default_factory=dict)

    def hidden_ids(self, kind: str) -> set[int]:
        return {obj.pk for obj in getattr(self, kind).values()}


def _page(parent, state, **fields):
    return AwarenessPageFactory(parent=parent, title=marker(state), slug=marker(state), **fields)


def build_pages(world: World, home, locales) -> None:
    pages = world.pages
    world.visible_page = AwarenessPageFactory(parent=home, title="Visible page", slug="visible")
    world.visible_page.save_revision().publish()
    pages["never_published"] = _page(home, "never_published", live=False)
    draft = _page(home, "draft", live=False)
    draft.save_revision()
    pages["draft"] = draft
    for state in ("unpublished", "private", "unpublished_parent"):
        pages[state] = _page(home, state)
        pages[state].save_revision().publish()
    pages["unpublished"].unpublish()
    PageViewRestriction.objects.create(page=pages["private"], restriction_type="login")
    pages["child_of_private"] = _page(pages["private"], "child_of_private")
    pages["child_of_unpublished"] = _page(pages["unpublished_parent"], "child_of_unpublished")
    for state in ("child_of_private", "child_of_unpublished"):
        pages[state].save_revision().publish()
    # Withdrawing only the parent: Wagtail would still serve the child; we do not.
    pages["unpublished_parent"].unpublish()
    pages["unpublished_translation"] = translate_page(
        world.visible_page, locales["fa"], publish=False, title=marker("unpublished_translation")
    )
    # A live page whose newer draft must not show: its id is public, its draft title is not.
    superseded = AwarenessPageFactory(parent=home, title="Live title", slug="live-title")
    superseded.save_revision().publish()
    superseded.title = marker("superseded_by_draft")
    superseded.save_revision()
    world.superseded_page = superseded


def build_videos(world: World, home, locales) -> None:
    world.visible_video = VideoPageFactory(parent=home, title="Visible video")
    world.pages["draft_video"] = VideoPageFactory(
        parent=home,
        title=marker("draft_video"),
        cues=marker_cues("draft_video"),
        live=False,
        publish=False,
    )
    world.pages["private_video"] = VideoPageFactory(
        parent=world.pages["private"],
        title=marker("private_video"),
        cues=marker_cues("private_video"),
    )
    world.pages["unpublished_video_translation"] = translate_page(
        world.visible_video,
        locales["fa"],
        publish=False,
        title=marker("unpublished_video_translation"),
        cues=marker_cues("unpublished_video_translation"),
    )


def build_library(world: World, locales) -> None:
    en = locales["en"]
    materials = world.materials
    world.visible_material = MaterialFactory(locale=en, title="Visible material")
    materials["withdrawn"] = MaterialFactory(
        locale=en, title=marker("withdrawn"), status="withdrawn", withdrawal_reason="Outdated."
    )
    materials["never_published_material"] = MaterialFactory(
        locale=en, title=marker("never_published_material"), publish=False
    )
    private = Collection.get_first_root_node().add_child(name="Internal")
    CollectionViewRestriction.objects.create(collection=private, restriction_type="login")
    # Listed (the material is public), but its file is not: it lives in a private collection.
    world.internal_material = MaterialFactory(locale=en, title="Internal", collection=private)
    materials["successor_draft"] = MaterialFactory(
        locale=en, title=marker("successor_draft"), publish=False
    )
    world.superseded_material = MaterialFactory(
        locale=en,
        title="Superseded edition",
        status="superseded",
        superseded_by=materials["successor_draft"],
    )
    world.documents = {
        state: material.files.first().document for state, material in materials.items()
    }
    world.documents["private_collection"] = world.internal_material.files.first().document
    world.documents["private_document"] = get_document_model().objects.create(
        title=marker("private_document"),
        file=ContentFile(b"%PDF-1.4 secret", "secret.pdf"),
        collection=private,
    )
    world.snippets["draft_service"] = SupportServiceFactory(
        name=marker("draft_service"), live=False, publish=False
    )
    unpublished = SupportServiceFactory(name=marker("unpublished_service"))
    unpublished.unpublish()
    world.snippets["unpublished_service"] = unpublished
    world.snippets["draft_country"] = CountryFactory(
        code="IT", name=marker("draft_country"), live=False, publish=False
    )


def build_world(home, locales) -> World:
    """Run inside ``django_capture_on_commit_callbacks(execute=True)`` so publish signals fire."""
    Subscription.objects.create(
        name="Partner", url="http://127.0.0.1:9/hook", events=["published", "unpublished"]
    )
    world = World()
    build_pages(world, home, locales)
    build_videos(world, home, locales)
    build_library(world, locales)
    return world


def webhook_payloads() -> str:
    return json.dumps([delivery.payload for delivery in Delivery.objects.order_by("pk")])


def json_ids(body: bytes) -> set[int]:
    """Every integer under an id-like key anywhere in a JSON body."""
    found: set[int] = set()

    def walk(value, key=""):
        if isinstance(value, dict):
            for name, item in value.items():
                walk(item, name)
        elif isinstance(value, list):
            for item in value:
                walk(item, key)
        elif isinstance(value, int) and (key in ("id", "superseded_by") or key.endswith("_id")):
            found.add(value)

    try:
        walk(json.loads(body))
    except ValueError:
        pass
    return found
