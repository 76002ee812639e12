"""Translation exchange files: XLIFF 2.0 and PO, one unit per string segment.

A unit's id is its wagtail-localize context path (stable across exports of one object); the
file names the wagtail-localize Translation by its UUID, so a file can only be imported into
the translation it was exported from.
"""
