"""What a video page's cues turn into when the page row is written: the cue count, a fingerprint
of the cue timings and the ready-to-serve WebVTT and transcript (``protect.TrackFile``).

Every write of a video page's live content ends in ``VideoPage.save()`` (the subtitle import
service, the page editor's publish, wagtail-localize publishing a translation, copies), which
calls ``store``; bulk loads call ``rows`` themselves and the data migration fills existing pages.
So the partner API answers "is this track outdated?" by comparing two short strings and serves a
``.vtt`` as stored text, without loading and re-rendering 300 cues per language per request.

Functions here take the raw StreamField items (``[{"type", "id", "value": {...}}]``), so the
migration can use them with historical models.
"""

import hashlib

from cms.subtitles import Cue, render_transcript, render_vtt


def raw_items(cues) -> list[dict]:
    """The raw items of a ``cues`` StreamValue (or an already raw list)."""
    return list(getattr(cues, "raw_data", cues) or [])


def timings_fingerprint(items: list[dict]) -> str:
    """A short digest of the cues' (block id, start, end) set.

    Two pages have equal fingerprints exactly when ``track_matching.cues_differing`` finds no
    changed cue between them: a track's cues keep the source's block ids and times, and a source
    cue whose times change gets a new id, so equal sets mean "the track is up to date".
    """
    keys = sorted(
        {(i.get("id") or "", i["value"]["start_ms"], i["value"]["end_ms"]) for i in items}
    )
    digest = hashlib.sha256(repr(keys).encode()).hexdigest()
    return digest[:32]


def _engine_cues(items: list[dict]) -> list[Cue]:
    cues = [
        Cue(
            start_ms=i["value"]["start_ms"],
            end_ms=i["value"]["end_ms"],
            text=i["value"].get("text") or "",
            settings=i["value"].get("settings") or "",
            identifier="",
        )
        for i in items
    ]
    cues.sort(key=lambda cue: (cue.start_ms, cue.end_ms))
    return cues


def derive(cues, language: str) -> dict:
    """The ``TrackFile`` field values for a page in ``language`` with these ``cues``."""
    items = raw_items(cues)
    engine = _engine_cues(items)
    return {
        "cue_count": len(items),
        "timings": timings_fingerprint(items),
        "vtt": render_vtt(engine, language=language) if items else "",
        "transcript": render_transcript(engine) if items else "",
    }


def store(model, page) -> None:
    """Write ``page``'s ``model`` (``TrackFile``) row from its cues (called by ``VideoPage.save``;
    the model is passed in because the models import this module)."""
    model.objects.update_or_create(
        page_id=page.pk, defaults=derive(page.cues, page.locale.language_code)
    )


def rows(model, pages) -> list:
    """Unsaved ``model`` (``TrackFile``) rows for ``(page id, cues, language)`` triples, for a
    bulk load's ``bulk_create``."""
    return [model(page_id=pk, **derive(cues, code)) for pk, cues, code in pages]
