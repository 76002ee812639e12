from dataclasses import dataclass

from wagtail_localize.models import StringSegment, StringTranslation

from ..labels import segment_label


@dataclass
class Unit:
    id: str
    source: str
    target: str
    machine: bool
    notes: dict


def notes_for(model, path, instance=None) -> dict:
    notes = {"location": path}
    label, timecode = segment_label(model, instance, path)
    notes["label"] = label
    if timecode:
        notes["timecode"] = timecode
    try:
        field = model._meta.get_field(path)
    except Exception:
        return notes
    if getattr(field, "help_text", ""):
        notes["help"] = str(field.help_text)
    if getattr(field, "max_length", None):
        notes["max-length"] = str(field.max_length)
    return notes


def units_for(task) -> list[Unit]:
    model = task.content_type.model_class()
    done = {
        (string_id, context_id): (data, kind)
        for string_id, context_id, data, kind in StringTranslation.objects.filter(
            context__object_id=task.source.object_id, locale_id=task.target_locale_id
        ).values_list("translation_of_id", "context_id", "data", "translation_type")
    }
    try:  # the source as submitted: block ids in paths are resolved against it
        instance = task.source.as_instance()
    except Exception:
        instance = None
    units = []
    segments = StringSegment.objects.filter(source_id=task.source_id).select_related(
        "string", "context"
    )
    for segment in segments.order_by("order"):
        data, kind = done.get((segment.string_id, segment.context_id), ("", ""))
        units.append(
            Unit(
                id=segment.context.path,
                source=segment.string.data,
                target=data,
                machine=kind == StringTranslation.TRANSLATION_TYPE_MACHINE,
                notes=notes_for(model, segment.context.path, instance) if model else {},
            )
        )
    return units
