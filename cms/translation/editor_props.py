"""What wagtail-localize's editor (a React app fed one JSON "props" blob) shows, adjusted for
the queue: each string segment's heading names its place in human words ("Body › 2. Quote ›
Text", from ``labels``) and a subtitle cue shows its timecodes, read-only; its toolbar offers
no destructive action the queue's rule refuses the user (``offered``).

Applied by ``{% translation_editor_props %}`` in our override of wagtail-localize's
``edit_translation.html`` (the React app reads ``data-props`` as rendered)."""

import json

from django.core.serializers.json import DjangoJSONEncoder

from . import offered
from .labels import segment_label


def adjust(props: str, translation, instance, user) -> str:
    data = json.loads(props)
    _label_segments(data.get("segments", []), translation)
    offered.adjust_editor_props(data, instance, user)
    return json.dumps(data, cls=DjangoJSONEncoder)


def _label_segments(segments, translation) -> None:
    try:  # the source as submitted: block ids in paths are resolved against it
        source = translation.source.as_instance()
    except Exception:  # a source wagtail-localize can no longer rebuild: keep its own labels
        return
    for segment in segments:
        location = segment.get("location")
        if location is None or "contentPath" not in segment:
            continue
        label, timecode = segment_label(type(source), source, segment["contentPath"])
        location["label"], location["timecode"] = label, timecode
        if label != location.get("field") or timecode:
            # The editor prints ``subField`` above each segment (``field`` heads the group).
            location["subField"] = f"{label} · {timecode}" if timecode else label
