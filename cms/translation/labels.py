"""Human names for wagtail-localize's segment paths: ``body.a782fa18-….text`` becomes
"Body › 2. Quote › Text", and a subtitle cue names its number and timecodes (read-only context
for translators: the times are the source's and cannot be changed in a translation)."""

from wagtail import blocks
from wagtail.fields import StreamField

from cms.subtitles.timing import format_timestamp


def segment_label(model, instance, path: str) -> tuple[str, str]:
    """(label, timecode) of a segment path; timecode is "" unless the path is a timed cue."""
    field_name, *rest = path.split(".")
    try:
        field = model._meta.get_field(field_name)
    except Exception:  # a path wagtail-localize made from something that is not a field
        return path, ""
    names = [str(getattr(field, "verbose_name", field_name)).capitalize()]
    if not rest or not isinstance(field, StreamField) or instance is None:
        return " › ".join(names), ""
    block, value, timecode = field.stream_block, getattr(instance, field_name, None), ""
    for part in rest:
        block, value, name = _step(block, value, part)
        if block is None:
            names.append(part)
            break
        names.append(name)
        if isinstance(value, dict) and {"start_ms", "end_ms"} <= set(value):
            timecode = (
                f"{format_timestamp(value['start_ms'])} → {format_timestamp(value['end_ms'])}"
            )
    return " › ".join(names), timecode


def _step(block, value, part):
    """(child block, its value, its human name) for one path component."""
    if isinstance(block, blocks.StreamBlock):
        for index, child in enumerate(value or [], start=1):
            if child.id == part:
                return child.block, child.value, f"{index}. {_label(child.block)}"
    elif isinstance(block, blocks.ListBlock):
        for index, child in enumerate(getattr(value, "bound_blocks", []), start=1):
            if child.id == part:
                return block.child_block, child.value, f"item {index}"
    elif isinstance(block, blocks.StructBlock) and part in block.child_blocks:
        child = block.child_blocks[part]
        return child, (value or {}).get(part), _label(child)
    return None, None, part


def _label(block) -> str:
    return str(block.label or block.name.replace("_", " ")).capitalize()
