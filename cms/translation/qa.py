"""Quality checks on translated segments. Blocking issues stop approval; warnings are shown.

Helpline numbers are safety-critical, so phone numbers, e-mail addresses and URLs must be the
same in the translation as in the source.
"""

import re
from collections import Counter
from dataclasses import dataclass

from django.conf import settings
from django.utils.html import strip_tags
from wagtail_localize.models import StringSegment, StringTranslation

BLOCKING, WARNING = "blocking", "warning"

PHONE = re.compile(r"(?<![\w/])\+?\d[\d\s().\-/]{4,}\d(?!\w)")
EMAIL = re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+")
URL = re.compile(r"https?://[^\s<>\"']+|www\.[^\s<>\"']+", re.IGNORECASE)
HREF = re.compile(r"""href\s*=\s*["']([^"']*)["']""", re.IGNORECASE)
NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
TAG = re.compile(r"<\s*([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>")


@dataclass(frozen=True)
class Issue:
    check: str
    level: str
    message: str


def _config(name, default):
    return getattr(settings, "PROTECT_TRANSLATION_QA", {}).get(name, default)


def _digits(text):
    return sorted(re.sub(r"\D", "", match) for match in PHONE.findall(text))


def check_segment(
    source: str, target: str, *, max_length=None, subtitle=False, duration=None
) -> list[Issue]:
    issues = []
    if not strip_tags(target or "").strip():
        return [Issue("empty", BLOCKING, "The translation is empty.")]
    plain_source, plain_target = strip_tags(source), strip_tags(target)
    if _digits(plain_source) != _digits(plain_target):
        issues.append(
            Issue("phone", BLOCKING, "Phone numbers differ from the source: copy them exactly.")
        )
    if sorted(EMAIL.findall(source)) != sorted(EMAIL.findall(target)):
        issues.append(Issue("email", BLOCKING, "E-mail addresses differ from the source."))
    urls = lambda text: sorted(URL.findall(strip_tags(text)) + HREF.findall(text))  # noqa: E731
    if urls(source) != urls(target):
        issues.append(Issue("url", BLOCKING, "Links or URLs differ from the source."))
    if Counter(NUMBER.findall(PHONE.sub("", plain_source))) != Counter(
        NUMBER.findall(PHONE.sub("", plain_target))
    ):
        issues.append(Issue("number", WARNING, "Numbers differ from the source."))
    source_tags, target_tags = Counter(TAG.findall(source)), Counter(TAG.findall(target))
    if source_tags["a"] != target_tags["a"]:
        issues.append(Issue("links", BLOCKING, "The translation must keep every link."))
    elif source_tags != target_tags:
        issues.append(Issue("tags", WARNING, "Inline formatting differs from the source."))
    if max_length and len(plain_target) > max_length:
        issues.append(
            Issue(
                "length",
                BLOCKING,
                f"{len(plain_target)} characters; this field allows at most {max_length}.",
            )
        )
    if subtitle:
        issues += _subtitle_issues(plain_target, duration)
    return issues


def _subtitle_issues(text, duration):
    issues = []
    per_line = _config("MAX_CHARS_PER_LINE", 42)
    longest = max((len(line) for line in text.splitlines()), default=0)
    if longest > per_line:
        issues.append(
            Issue("line_length", WARNING, f"A line has {longest} characters (at most {per_line}).")
        )
    per_second = _config("MAX_CHARS_PER_SECOND", 17)
    if duration:
        speed = len(text.replace("\n", "")) / duration
        if speed > per_second:
            issues.append(
                Issue(
                    "reading_speed",
                    WARNING,
                    f"Reading speed {speed:.0f} characters/second (at most {per_second}).",
                )
            )
    return issues


def _max_length(model, path):
    field_name = path.split(".")[0]
    try:
        field = model._meta.get_field(field_name)
    except Exception:
        return None
    return field.max_length if "." not in path else None


def _is_subtitle(path):
    return any(marker in path for marker in _config("SUBTITLE_PATH_MARKERS", ["cues"]))


def check_task(task) -> dict[str, list[Issue]]:
    """{context path: issues} for the task's translated segments (untranslated ones: 'empty')."""
    model = task.content_type.model_class()
    translations = {
        (string_id, context_id): data
        for string_id, context_id, data in StringTranslation.objects.filter(
            context__object_id=task.source.object_id, locale_id=task.target_locale_id
        ).values_list("translation_of_id", "context_id", "data")
    }
    report = {}
    segments = StringSegment.objects.filter(source_id=task.source_id).select_related(
        "string", "context"
    )
    for segment in segments.order_by("order"):
        path = segment.context.path
        target = translations.get((segment.string_id, segment.context_id), "")
        issues = check_segment(
            segment.string.data,
            target,
            max_length=_max_length(model, path) if model else None,
            subtitle=_is_subtitle(path),
        )
        if issues:
            report[path] = issues
    return report


def blocking(report) -> list[str]:
    return [
        f"{path}: {issue.message}"
        for path, issues in report.items()
        for issue in issues
        if issue.level == BLOCKING
    ]
