"""The change log: what partners could see changed, as ChangeEvents, plus cache invalidation.

Rule: the feed announces a page when it becomes visible (and again on every re-publish) and
writes a tombstone (unpublished/deleted) only for pages it has announced. Pages that are drafts,
private or below a withdrawn page are therefore never mentioned, and a page that becomes private
(view restriction, move into a private section) gets an "unpublished" tombstone.
"""

from django.conf import settings
from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver
from wagtail.images.models import AbstractRendition
from wagtail.models import CollectionViewRestriction, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from cms.visibility import public_pages

from . import caching
from .models import ChangeEvent
from .pagetypes import type_label

Event = ChangeEvent.Event


def _record(event: str, page) -> ChangeEvent:
    return ChangeEvent.objects.create(
        event=event,
        object_type=type_label(page),
        object_id=page.pk,
        translation_key=page.translation_key,
        locale=page.locale.language_code,
    )


def _last_events(page_ids) -> dict[int, str]:
    last = {}
    rows = (
        ChangeEvent.objects.filter(object_id__in=list(page_ids))
        .exclude(object_type__in=_non_page_types())
        .order_by("id")
        .values_list("object_id", "event")
    )
    for object_id, event in rows:
        last[object_id] = event
    return last


def _non_page_types() -> list[str]:
    # Reserved for future non-page objects in the log (materials, services).
    return []


def reconcile(pages, *, republished=None, moved=False) -> list[ChangeEvent]:
    """Bring the log in line with the current visibility of ``pages``.

    ``republished``: a page just published, which is announced again even if it was already.
    ``moved``: URLs changed, so every visible page is announced again.
    """
    pages = list(pages)
    if not pages:
        return []
    ids = [page.pk for page in pages]
    visible = set(public_pages().filter(pk__in=ids).values_list("pk", flat=True))
    last = _last_events(ids)
    events = []
    for page in pages:
        if last.get(page.pk) == Event.DELETED:
            continue  # signals sent while a page is being deleted
        announced = last.get(page.pk) == Event.PUBLISHED
        if page.pk in visible and (not announced or moved or page.pk == republished):
            events.append(_record(Event.PUBLISHED, page))
        elif page.pk not in visible and announced:
            events.append(_record(Event.UNPUBLISHED, page))
    caching.invalidate([f"pages/{page.pk}/" for page in pages])
    return events


def _subtree(page):
    return Page.objects.filter(path__startswith=page.path).select_related("locale")


@receiver(page_published)
def on_published(sender, instance, **kwargs):
    reconcile(_subtree(instance), republished=instance.pk)


@receiver(page_unpublished)
def on_unpublished(sender, instance, **kwargs):
    reconcile(_subtree(instance))


@receiver(post_page_move)
def on_moved(sender, instance, **kwargs):
    reconcile(_subtree(instance), moved=True)


@receiver(pre_delete)
def on_page_deleted(sender, instance, **kwargs):
    # Sent once per model of the inheritance chain; the base Page row is enough.
    if type(instance) is not Page:
        return
    if _last_events([instance.pk]).get(instance.pk) == Event.PUBLISHED:
        _record(Event.DELETED, instance)
    caching.invalidate([f"pages/{instance.pk}/"])


@receiver([post_save, post_delete], sender=PageViewRestriction)
def on_view_restriction_changed(sender, instance, **kwargs):
    try:
        page = Page.objects.get(pk=instance.page_id)
    except Page.DoesNotExist:  # deleted together with its page
        return
    reconcile(_subtree(page))


@receiver([post_save, post_delete], sender=CollectionViewRestriction)
def on_collection_restriction_changed(sender, **kwargs):
    caching.invalidate()


@receiver([post_save, post_delete], sender=Site)
def on_site_changed(sender, **kwargs):
    """Every answer's URLs start with a site's root URL (hostname, port, root page)."""
    caching.invalidate()


@receiver([post_save, post_delete])
def on_watched_model_changed(sender, instance, **kwargs):
    """Other content partners see (materials, services, subtitle tracks, documents, images)."""
    if sender._meta.app_label not in settings.PARTNER_API_WATCHED_APPS:
        return
    if isinstance(instance, (Page, AbstractRendition)):
        return  # pages: see the publishing signals; renditions are caches of images
    caching.invalidate()
