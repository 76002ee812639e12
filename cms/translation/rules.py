"""The one rule for changing the public state of translatable content, in any locale.

Every publish, unpublish, delete, move, copy, alias conversion and sync-disable of a page or
snippet asks ``check`` first: Wagtail's page/snippet views and bulk actions through the hooks in
``wagtail_hooks``, wagtail-localize's views through ``guards``. Wagtail's own permissions still
apply on top; this adds what they cannot know:

- users in a locale team act only in their teams' locales;
- the source language (English) is changed only by editors (users in no team);
- a translation that has a task in the queue is published only by the queue's review
  (``services.publishing.publish_translation``), never from an admin view;
- team members never delete, move, copy, convert to an alias or stop syncing content: those are
  editors' decisions. A team that may publish may unpublish its own locale's translations.
"""

from django.core.exceptions import PermissionDenied
from wagtail.models import Locale, TranslatableMixin

from . import permissions, selectors

PUBLISH, UNPUBLISH, DELETE, MOVE, COPY, CONVERT_ALIAS, DISABLE_SYNC = (
    "publish",
    "unpublish",
    "delete",
    "move",
    "copy",
    "convert_alias",
    "disable_sync",
)
ACTIONS = (PUBLISH, UNPUBLISH, DELETE, MOVE, COPY, CONVERT_ALIAS, DISABLE_SYNC)
EDITORS_ONLY = {DELETE, MOVE, COPY, CONVERT_ALIAS, DISABLE_SYNC}


def _queued(instance) -> bool:
    task = selectors.task_for_instance(instance)
    return task is not None and task.translation.enabled


def check(user, instance, action) -> None:
    """Raise PermissionDenied (with a reason for people) unless ``user`` may ``action``
    ``instance`` through an admin view."""
    if action not in ACTIONS:
        raise ValueError(action)
    if not user.is_authenticated:
        raise PermissionDenied("Log in first.")
    if not isinstance(instance, TranslatableMixin):
        return
    locale_id = instance.locale_id
    if not permissions.can_touch_locale(user, locale_id):
        raise PermissionDenied("This content is in a locale outside your translation teams.")
    source_locale = locale_id == Locale.get_default().pk
    member = permissions.is_translator(user)
    if member and (source_locale or action in EDITORS_ONLY):
        raise PermissionDenied(f"Only editors may {action.replace('_', ' ')} this content.")
    if member and action == UNPUBLISH and not permissions.can_publish(user, locale_id):
        raise PermissionDenied("Your team may not unpublish translations.")
    if action == PUBLISH and not source_locale and (member or _queued(instance)):
        raise PermissionDenied(
            "Translations are published from their task in the translation queue, after review."
        )


def check_all(user, instances, action) -> None:
    for instance in instances:
        check(user, getattr(instance, "specific", instance), action)
