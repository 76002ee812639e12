"""Collecting errors and warnings while a file is read."""

from collections import Counter

from cms.issues import WARNING, Issue

from .model import SubtitleFileError


class IssueLog:
    """Issues in file order, with repeats capped so that a broken 20,000-cue file still gives
    a report a person can read (and a response of reasonable size)."""

    MAX_ERRORS = 100
    MAX_WARNINGS_PER_CODE = 20
    # Errors come from more than one pass over the file, so more are kept than listed and the
    # earliest ones win when they are sorted.
    _KEPT_ERRORS = 10_000

    def __init__(self) -> None:
        self.errors: list[Issue] = []
        self._warnings: list[Issue] = []
        self._unlisted_errors = 0
        self._listed_warnings: Counter[str] = Counter()
        self._unlisted_warnings: Counter[str] = Counter()

    def error(self, line: int | None, code: str, message: str) -> None:
        if len(self.errors) >= self._KEPT_ERRORS:
            self._unlisted_errors += 1
            return
        self.errors.append(_issue(line, code, message))

    def count_unlisted_errors(self, count: int) -> None:
        self._unlisted_errors += count

    def warn(self, line: int | None, code: str, message: str) -> None:
        if self._listed_warnings[code] >= self.MAX_WARNINGS_PER_CODE:
            self._unlisted_warnings[code] += 1
            return
        self._listed_warnings[code] += 1
        self._warnings.append(_issue(line, code, message, WARNING))

    def raise_errors(self) -> None:
        if not self.errors:
            return
        errors = sorted(self.errors, key=_file_order)
        unlisted = len(errors) - self.MAX_ERRORS + self._unlisted_errors
        errors = errors[: self.MAX_ERRORS]
        if unlisted > 0:
            errors.append(Issue(None, "too_many_errors", f"… and {unlisted:,} more errors."))
        raise SubtitleFileError(errors)

    def warnings(self) -> list[Issue]:
        warnings = sorted(self._warnings, key=_file_order)
        for code, count in self._unlisted_warnings.items():
            warnings.append(
                Issue(None, code, f"… and {count} more warnings like these ({code}).", WARNING)
            )
        return warnings


def fail(line: int | None, code: str, message: str) -> SubtitleFileError:
    """A rejection with a single reason, for checks that cannot go on after failing."""
    return SubtitleFileError([_issue(line, code, message)])


def plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}" if count == 1 else f"{count:,} {noun}s"


def _issue(line: int | None, code: str, message: str, *level: str) -> Issue:
    return Issue(line, code, f"Line {line}: {message}" if line else message, *level)


def _file_order(issue: Issue) -> int:
    return issue.line or 0
