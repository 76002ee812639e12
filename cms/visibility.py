"""What anonymous visitors may see: the one place that decides visibility, for the partner API,
the site, downloads and every public listing.

A page is visible when it is live, not view-restricted (itself or an ancestor: Wagtail's
``public()``), has no unpublished ancestor (Wagtail would still serve it, but its section is
withdrawn, and the editors' API leaked such parents), and is not the tree's root.
Documents (and material files) are visible unless their collection, or a collection above it,
is view-restricted.

``visible_sql`` states the page rule once more as SQL, for the few hot raw queries
(``cms/prepared.py``); tests/protect/test_visibility_sql.py holds the two to the same answers.
"""

from django.db.models import Exists, F, OuterRef
from django.db.models.functions import Length, Substr
from wagtail.documents import get_document_model
from wagtail.models import CollectionViewRestriction, Page


def _withdrawn_ancestor():
    # An ancestor has children: ``numchild > 0`` narrows the scan to the few withdrawn sections
    # (the partial index home_withdrawn_sections, home/migrations/0002) instead of every draft.
    return Exists(
        Page.objects.filter(
            live=False,
            numchild__gt=0,
            depth__gt=1,
            depth__lt=OuterRef("depth"),
            path=Substr(OuterRef("path"), 1, Length(F("path"))),
        )
    )


def public_pages(queryset=None, request=None):
    """Visible pages. Reading the view restrictions costs one query, once per request."""
    queryset = Page.objects.all() if queryset is None else queryset
    private = getattr(request, "_partner_api_private_q", None)
    if private is None:
        private = queryset.private_q()
        if request is not None:
            request._partner_api_private_q = private
    return queryset.live().exclude(private).filter(depth__gt=1).exclude(_withdrawn_ancestor())


def visible_sql(alias: str) -> str:
    """``public_pages``'s rule as an SQL condition over the ``wagtailcore_page`` row ``alias``
    (for raw queries; no parameters). Ancestors' paths are prefixes of their descendants'."""
    if not alias.isidentifier():
        raise ValueError(f"not an SQL alias: {alias!r}")
    a = alias
    return (
        f"{a}.live AND {a}.depth > 1"
        " AND NOT EXISTS (SELECT 1 FROM wagtailcore_pageviewrestriction vr"
        " JOIN wagtailcore_page vp ON vp.id = vr.page_id"
        f" WHERE vp.path = SUBSTR({a}.path, 1, LENGTH(vp.path)))"
        " AND NOT EXISTS (SELECT 1 FROM wagtailcore_page wp"
        f" WHERE wp.live = false AND wp.numchild > 0 AND wp.depth > 1 AND wp.depth < {a}.depth"
        f" AND wp.path = SUBSTR({a}.path, 1, LENGTH(wp.path)))"
    )


def under_withdrawn_section(page) -> bool:
    """True when an ancestor of ``page`` is unpublished (the site then answers 404 for it)."""
    return Page.objects.filter(pk=page.pk).filter(_withdrawn_ancestor()).exists()


def in_restricted_collection(collection_path: str = "collection__path") -> Exists:
    """True for rows whose collection (at ``collection_path``), or a collection above it, has a
    view restriction. Tree paths of ancestors are prefixes of their descendants' paths, so this
    is one subquery."""
    return Exists(
        CollectionViewRestriction.objects.filter(
            collection__path=Substr(OuterRef(collection_path), 1, Length(F("collection__path")))
        )
    )


def public_documents(queryset=None):
    """Documents outside view-restricted collections (the restriction covers sub-collections)."""
    queryset = get_document_model().objects.all() if queryset is None else queryset
    return queryset.exclude(in_restricted_collection())
