"""A new ``TranslationSource`` and its segments, written set-based: what wagtail-localize's
``TranslationSource.get_or_create_from_instance`` and ``refresh_segments`` store (the same
Strings, contexts with their field paths, templates and segments), in a few statements per kind
of row instead of several ``get_or_create`` per segment. Used by ``submission``."""

import json
import uuid
from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone
from modelcluster.models import ClusterableModel, get_serializable_data_for_fields
from wagtail_localize.models import (
    OverridableSegment,
    RelatedObjectSegment,
    String,
    StringSegment,
    Template,
    TemplateSegment,
    TranslatableObject,
    TranslationContext,
    TranslationSource,
    get_schema_version,
)
from wagtail_localize.segments import (
    OverridableSegmentValue,
    RelatedObjectSegmentValue,
    StringSegmentValue,
    TemplateSegmentValue,
)
from wagtail_localize.segments.extract import extract_segments

CHUNK = 500  # ids per IN (...) lookup, well under SQLite's variable limit


def source_for(instance) -> TranslationSource:
    """``TranslationSource.get_or_create_from_instance``: an existing source is kept as is; a new
    one gets its segments from ``write_segments``."""
    obj, _ = TranslatableObject.objects.get_or_create_from_instance(instance)
    existing = (
        TranslationSource.objects.filter(object=obj, locale_id=instance.locale_id)
        .select_related("locale")
        .first()
    )
    if existing is not None:
        return existing
    if isinstance(instance, ClusterableModel):
        content_json = instance.to_json()
    else:
        content_json = json.dumps(get_serializable_data_for_fields(instance), cls=DjangoJSONEncoder)
    source, _ = TranslationSource.objects.update_or_create(
        object=obj,
        locale=instance.locale,
        specific_content_type=ContentType.objects.get_for_model(type(instance)),
        defaults={
            "locale": instance.locale,
            "object_repr": str(instance)[:200],
            "content_json": content_json,
            "schema_version": get_schema_version(instance._meta.app_label),
            "last_updated_at": timezone.now(),
        },
    )
    write_segments(source)
    return source


@transaction.atomic
def write_segments(source: TranslationSource) -> None:
    """``TranslationSource.refresh_segments`` in a few statements per kind of row: the same
    Strings (by locale and hash), contexts (by object and path, with their field paths),
    templates and segments; segments no longer extracted are deleted."""
    instance = source.as_instance()
    values = list(extract_segments(instance))
    contexts = _contexts(source.object_id, {value.path for value in values}, instance)
    strings = _strings(
        source.locale_id,
        {v.string.data for v in values if isinstance(v, StringSegmentValue)},
    )
    templates = _templates([v for v in values if isinstance(v, TemplateSegmentValue)])
    objects = _objects([v for v in values if isinstance(v, RelatedObjectSegmentValue)])

    wanted = defaultdict(list)  # segment model → rows to keep or create
    for value in values:
        row = {"source_id": source.pk, "context_id": contexts[value.path].pk, "order": value.order}
        if isinstance(value, TemplateSegmentValue):
            model, row["template_id"] = TemplateSegment, templates[_template_uuid(value)].pk
        elif isinstance(value, RelatedObjectSegmentValue):
            model, row["object_id"] = RelatedObjectSegment, objects[value.translation_key].pk
        elif isinstance(value, OverridableSegmentValue):
            model = OverridableSegment
            row["data_json"] = json.dumps(value.data, cls=DjangoJSONEncoder)
        else:
            model = StringSegment
            row["string_id"] = strings[String._get_data_hash(value.string.data)].pk
            row["attrs"] = json.dumps(value.attrs, cls=DjangoJSONEncoder)
        wanted[model].append(row)

    for model in (StringSegment, TemplateSegment, RelatedObjectSegment, OverridableSegment):
        rows = wanted.get(model, [])
        keys = sorted(rows[0]) if rows else []
        existing = defaultdict(list)
        for segment in model.objects.filter(source_id=source.pk):
            key = tuple(getattr(segment, name) for name in keys) if keys else None
            existing[key].append(segment.pk)
        keep, create = [], []
        for row in rows:
            matches = existing.get(tuple(row[name] for name in keys))
            if matches:
                keep.append(matches[0])  # get_or_create would return this one
            else:
                create.append(model(**row))
        model.objects.bulk_create(create)
        model.objects.filter(source_id=source.pk).exclude(pk__in=keep).exclude(
            pk__in=[segment.pk for segment in create]
        ).delete()


def _in_chunks(model, field_name, values, **filters) -> list:
    values, found = list(values), []
    for start in range(0, len(values), CHUNK):
        lookup = {f"{field_name}__in": values[start : start + CHUNK], **filters}
        found += model.objects.filter(**lookup)
    return found


def _contexts(object_id, paths, instance) -> dict:
    """{path: TranslationContext} of the object, created where missing, field paths filled."""
    path_ids = {TranslationContext._get_path_id(path): path for path in paths}
    found = {
        c.path_id: c
        for c in _in_chunks(TranslationContext, "path_id", path_ids, object_id=object_id)
    }
    missing = [
        TranslationContext(object_id=object_id, path=path, path_id=path_id)
        for path_id, path in path_ids.items()
        if path_id not in found
    ]
    unfilled = [context for context in found.values() if not context.field_path]
    for context in [*missing, *unfilled]:
        _fill_field_path(context, instance)
    TranslationContext.objects.bulk_create(missing, ignore_conflicts=True)
    TranslationContext.objects.bulk_update(unfilled, ["field_path"])
    if missing:  # re-read: pks (and rows another submission created meanwhile)
        found |= {
            c.path_id: c
            for c in _in_chunks(
                TranslationContext, "path_id", [c.path_id for c in missing], object_id=object_id
            )
        }
    return {context.path: context for context in found.values()}


def _fill_field_path(context, instance) -> None:
    # wagtail-localize's get_field_path computes the path and saves the context at once; the
    # save is stood in for here so that the contexts are written in bulk.
    context.save = lambda **kwargs: None
    try:
        context.get_field_path(instance)
    finally:
        del context.save


def _strings(locale_id, texts) -> dict:
    """{data hash: String} of the texts in the source locale, created where missing."""
    hashes = {String._get_data_hash(text): text for text in texts}
    found = {s.data_hash: s for s in _in_chunks(String, "data_hash", hashes, locale_id=locale_id)}
    missing = [
        String(locale_id=locale_id, data_hash=data_hash, data=text)
        for data_hash, text in hashes.items()
        if data_hash not in found
    ]
    if missing:
        String.objects.bulk_create(missing, ignore_conflicts=True)
        found |= {
            s.data_hash: s
            for s in _in_chunks(
                String, "data_hash", [s.data_hash for s in missing], locale_id=locale_id
            )
        }
    return found


def _template_uuid(value: TemplateSegmentValue):
    namespace = uuid.uuid5(Template.BASE_UUID_NAMESPACE, value.format)
    return uuid.uuid5(namespace, value.template)


def _templates(values) -> dict:
    """{uuid: Template} as ``Template.from_value`` would get or create them."""
    by_uuid = {_template_uuid(value): value for value in values}
    found = {t.uuid: t for t in _in_chunks(Template, "uuid", by_uuid)}
    missing = [
        Template(
            uuid=key,
            template=value.template,
            template_format=value.format,
            string_count=value.string_count,
        )
        for key, value in by_uuid.items()
        if key not in found
    ]
    if missing:
        Template.objects.bulk_create(missing, ignore_conflicts=True)
        found |= {t.uuid: t for t in _in_chunks(Template, "uuid", [t.uuid for t in missing])}
    return found


def _objects(values) -> dict:
    """{translation key: TranslatableObject} of related objects, created where missing."""
    wanted = {value.translation_key: value.content_type for value in values}
    found = {o.pk: o for o in _in_chunks(TranslatableObject, "translation_key", wanted)}
    missing = [
        TranslatableObject(translation_key=key, content_type=content_type)
        for key, content_type in wanted.items()
        if key not in found
    ]
    if missing:
        TranslatableObject.objects.bulk_create(missing, ignore_conflicts=True)
        found |= {o.pk: o for o in _in_chunks(TranslatableObject, "translation_key", wanted)}
    return found
