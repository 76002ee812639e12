"""Facts that must never go stale in a translation.

Synchronised fields (wagtail-localize ``SynchronizedField``: a support service's phone, URL,
emergency flag, a material's status …) are facts about the source, not text to translate. When
the source is published they are copied at once into every translation (live ones are
republished), unless the translation overrides that field; each task records it.

Unpublishing a source takes its translations offline with it (they would otherwise serve content
whose original was withdrawn); their tasks go back to approved, to be published again through the
queue once the source is live. Withdrawing a material is a synchronised status, so it reaches every
translation the same way. Both run outside the queue's rules (``rules.py``): they follow an
editor's action on the source.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.db import transaction
from wagtail.actions.unpublish import UnpublishAction
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.models import DraftStateMixin, Page
from wagtail_localize.fields import SynchronizedField, get_translatable_fields
from wagtail_localize.models import SegmentOverride

from .. import selectors
from ..models import TaskState, TaskTransition
from .workflow import transition

_active = ContextVar("propagating", default=False)


@contextmanager
def _propagating():
    token = _active.set(True)
    try:
        yield
    finally:
        _active.reset(token)


def in_progress() -> bool:
    """True while this module republishes translations (their publish is not a queue event)."""
    return _active.get()


def synchronised_fields(instance) -> list:
    """The model fields copied from source to translations (plain columns and foreign keys)."""
    fields = []
    for spec in get_translatable_fields(type(instance)):
        if not isinstance(spec, SynchronizedField) or not spec.is_synchronized(instance):
            continue
        field = type(instance)._meta.get_field(spec.field_name)
        if field.concrete and not field.many_to_many:
            fields.append(field)
    return fields


def _translations(instance):
    for target in instance.get_translations():
        yield target.specific if isinstance(target, Page) else target


def _record(target, comment) -> None:
    task = selectors.task_for_instance(target)
    if task is not None:
        TaskTransition.objects.create(
            task=task, from_state=task.state, to_state=task.state, comment=comment
        )


@transaction.atomic
def propagate(source, user=None) -> dict[int, list[str]]:
    """Copy ``source``'s synchronised fields into each translation that differs; republish live
    ones. Returns {translation pk: [field names copied]}."""
    fields = synchronised_fields(source)
    if not fields:
        return {}
    names = [field.name for field in fields]
    overridden = set(
        SegmentOverride.objects.filter(
            context__object_id=source.translation_key, context__path__in=names
        ).values_list("locale_id", "context__path")
    )
    done = {}
    with _propagating():
        for target in _translations(source):
            copy = [
                f
                for f in fields
                if (target.locale_id, f.name) not in overridden
                and getattr(target, f.attname) != getattr(source, f.attname)
            ]
            if copy:
                _apply(target, copy, source, user)
                done[target.pk] = [f.name for f in copy]
                _record(target, "Copied from the source: " + ", ".join(done[target.pk]))
    return done


def _apply(target, fields, source, user) -> None:
    values = {f.attname: getattr(source, f.attname) for f in fields}
    if isinstance(target, DraftStateMixin) and target.live:
        live = target.live_revision.as_object() if target.live_revision_id else target
        for name, value in values.items():
            setattr(live, name, value)
        # clean=False: the facts were validated on the source; a translated field that depends on
        # them (a withdrawal reason still to translate) must not hold back the fact itself.
        live.save_revision(user=user, clean=False).publish(user=user, skip_permission_checks=True)
    else:
        for name, value in values.items():
            setattr(target, name, value)
        type(target).objects.filter(pk=target.pk).update(**values)


@transaction.atomic
def withdraw_translations(source, user=None) -> int:
    """``source`` was unpublished: unpublish its live translations. Returns how many."""
    count = 0
    with _propagating():
        for target in _translations(source):
            if not isinstance(target, DraftStateMixin) or not target.live:
                continue
            action = UnpublishPageAction if isinstance(target, Page) else UnpublishAction
            action(target, user=user).execute(skip_permission_checks=True)
            count += 1
            task = selectors.task_for_instance(target)
            if task is not None and task.state == TaskState.PUBLISHED:
                transition(
                    task,
                    TaskState.APPROVED,
                    user=user,
                    force=True,
                    comment="The source was unpublished, so this translation was taken offline; "
                    "publish it again once the source is live.",
                )
    return count
