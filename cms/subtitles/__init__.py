"""The subtitle engine: strict WebVTT/SRT reading with line-numbered errors, and writers.

Pure Python and free of Django, so uploads, management commands and the API share it.
"""

from .model import Cue, ParseResult, SubtitleFileError
from .parse import cue_text_problem, parse_subtitles
from .render import render_srt, render_transcript, render_vtt

__all__ = [
    "Cue",
    "ParseResult",
    "SubtitleFileError",
    "cue_text_problem",
    "parse_subtitles",
    "render_srt",
    "render_transcript",
    "render_vtt",
]
