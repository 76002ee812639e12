"""A translated subtitle file must keep the source's cues: the same number, at the same times
(within a frame). The first difference is reported with its line and both timings."""

from cms.issues import Issue
from cms.subtitles import Cue
from cms.subtitles.timing import format_timestamp

# Less than one frame at 50 fps: tools that re-time to frames shift cues by a few milliseconds.
# The stored times always stay the source's.
TIMING_TOLERANCE_MS = 20


def first_mismatch(cues: list[Cue], reference: list[dict], source_name: str) -> Issue | None:
    """Where ``cues`` first differ from the source's ``reference`` cue values, or None."""
    for number, (cue, ref) in enumerate(zip(cues, reference, strict=False), start=1):
        if (
            abs(cue.start_ms - ref["start_ms"]) > TIMING_TOLERANCE_MS
            or abs(cue.end_ms - ref["end_ms"]) > TIMING_TOLERANCE_MS
        ):
            return Issue(
                cue.line or None,
                "timing_mismatch",
                f"Cue {number} (line {cue.line}) is {_span(cue.start_ms, cue.end_ms)}, "
                f"but cue {number} of the {source_name} source is "
                f"{_span(ref['start_ms'], ref['end_ms'])}. A translation must keep the "
                "source's timings.",
            )
    if len(cues) == len(reference):
        return None
    if len(cues) > len(reference):
        first = len(reference) + 1
        line = cues[first - 1].line
        where = f"cue {first} (line {line}) has no source cue"
    else:
        first, line = len(cues) + 1, None
        missing = reference[first - 1]
        where = (
            f"cue {first} of the source ({_span(missing['start_ms'], missing['end_ms'])}) "
            "is missing"
        )
    return Issue(
        line,
        "cue_count_mismatch",
        f"The file has {len(cues)} cues but the {source_name} source has "
        f"{len(reference)}: {where}.",
    )


def _span(start_ms: int, end_ms: int) -> str:
    return f"{format_timestamp(start_ms)} --> {format_timestamp(end_ms)}"


def cues_differing(source_cues: list[dict], track_cues: list[dict]) -> int:
    """How many cues of a translated track no longer match its source (raw StreamField items).

    A track's cues keep the source's block ids and times (wagtail-localize copies them), and a
    source cue whose times change gets a new id (``protect.services``), so a source cue missing
    from the track, or a track cue the source no longer has, is a changed cue.
    """

    def keys(items):
        items = getattr(items, "raw_data", items) or []  # a StreamValue or its raw list
        return {(i["id"], i["value"]["start_ms"], i["value"]["end_ms"]) for i in items}

    source, track = keys(source_cues), keys(track_cues)
    return max(len(source - track), len(track - source))
