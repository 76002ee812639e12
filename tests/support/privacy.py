"""The privacy fixtures: one visible page and one of each kind of hidden page, each titled with
a marker word, so a test can search any output for what must never appear in it."""

from wagtail.models import PageViewRestriction

from tests.factories import AwarenessPageFactory
from tests.support.pages import translate_page


def privacy_world(home_page, locales) -> dict:
    """Run inside ``django_capture_on_commit_callbacks(execute=True)`` so publish signals fire."""
    visible = AwarenessPageFactory(parent=home_page, title="Visible marker", slug="visible")
    draft = AwarenessPageFactory(parent=home_page, title="Draft marker", slug="draft", live=False)
    unpublished = AwarenessPageFactory(
        parent=home_page, title="Unpublished marker", slug="unpublished"
    )
    private = AwarenessPageFactory(parent=home_page, title="Private marker", slug="private")
    private_child = AwarenessPageFactory(
        parent=private, title="Private child marker", slug="private-child", live=False
    )
    withdrawn = AwarenessPageFactory(parent=home_page, title="Withdrawn", slug="withdrawn")
    withdrawn_child = AwarenessPageFactory(
        parent=withdrawn, title="Withdrawn child marker", slug="withdrawn-child", live=False
    )
    fa_draft = translate_page(visible, locales["fa"], publish=False, title="Fa draft marker")
    # As editors do, so that the publish signals fire: announced, then hidden.
    for page in (visible, unpublished, private, withdrawn):
        page.save_revision().publish()
    unpublished.unpublish()
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    # Withdrawing only the parent: Wagtail would still serve the child; we do not.
    withdrawn.live = False
    withdrawn.save(update_fields=["live"])
    # Published while hidden by an ancestor: never announced.
    for page in (private_child, withdrawn_child):
        page.save_revision().publish()
    return {
        "visible": visible,
        "draft": draft,
        "unpublished": unpublished,
        "private": private,
        "private_child": private_child,
        "withdrawn_child": withdrawn_child,
        "fa_draft": fa_draft,
    }
