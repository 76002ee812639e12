"""The values the subtitle engine hands out: cues, results and the rejection error (problems
are ``cms.issues.Issue``)."""

from dataclasses import dataclass, field

from cms.issues import Issue


# Not frozen: a frozen dataclass is several times slower to build, and a 20,000-cue file
# builds 20,000 of them.
@dataclass(slots=True)
class Cue:
    start_ms: int
    end_ms: int
    # WebVTT cue payload: escaped text with allowed tags, lines joined by "\n".
    text: str
    settings: str = ""
    identifier: str = ""
    # Where the timing line was in the uploaded file; only for messages, so two cues with the
    # same content are equal wherever they came from.
    line: int = field(default=0, compare=False)


@dataclass(slots=True)
class ParseResult:
    cues: list[Cue]
    warnings: list[Issue]
    source_format: str


class SubtitleFileError(Exception):
    """The upload cannot be used; ``errors`` lists every problem found, in file order."""

    SHOWN = 3

    def __init__(self, errors: list[Issue]):
        self.errors = errors
        shown = "; ".join(issue.message for issue in errors[: self.SHOWN])
        hidden = len(errors) - self.SHOWN
        super().__init__(f"{shown} (and {hidden} more)" if hidden > 0 else shown)
