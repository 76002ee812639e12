"""Quality checks on translated segments. Blocking issues stop approval; warnings are shown.

Helpline numbers are safety-critical, so phone numbers, e-mail addresses and URLs must be the
same in the translation as in the source.
"""

import json
import re
from collections import Counter

from django.conf import settings
from django.utils.html import strip_tags
from wagtail import blocks
from wagtail.fields import StreamField
from wagtail_localize.models import StringSegment, StringTranslation

from cms import bidi
from cms.issues import BLOCKING, WARNING, Issue
from cms.subtitles import limits

from . import selectors
from .memory import glossary
from .numerals import ascii_digits

# Long numbers with separators ("+31 20 123 4567", "0800-123-456"), or short helpline and
# emergency numbers: any standalone group of 3+ digits, spaced groups included ("112",
# "116 006", "15900"). Digits inside "1,000", "3.500" or "1 000" are amounts, not phone numbers.
PHONE = re.compile(
    r"(?<![\w/])\+?\d[\d\s().\-/]{4,}\d(?!\w)"
    r"|(?<![\w/.,])(?<!\d[ \u00a0])\d{3,}(?:[ \u00a0]\d{3,})*(?![\w/]|[.,]\d)"
)
YEAR = re.compile(r"(?:1[89]|2[01])\d\d")
EMAIL = re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+")
URL = re.compile(r"https?://[^\s<>\"']+|www\.[^\s<>\"']+", re.IGNORECASE)
HREF = re.compile(r"""href\s*=\s*["']([^"']*)["']""", re.IGNORECASE)
NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
TAG = re.compile(r"<\s*([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>")


def _config(name, default):
    return getattr(settings, "PROTECT_TRANSLATION_QA", {}).get(name, default)


def _is_years(match: str) -> bool:
    # "2024" or "2020-2024" is a year (a number warning), not a helpline.
    groups = re.findall(r"\d+", match)
    return not match.startswith("+") and all(YEAR.fullmatch(group) for group in groups)


def _phones(text) -> tuple[list[str], str]:
    """(sorted digits of each phone number, the text without them)."""
    found = []

    def take(match):
        if _is_years(match.group()):
            return match.group()
        found.append(re.sub(r"\D", "", match.group()))
        return " "

    rest = PHONE.sub(take, text)
    return sorted(found), rest


def check_segment(
    source: str, target: str, *, max_length=None, subtitle=False, duration=None, terms=()
) -> list[Issue]:
    """``terms``: the target locale's glossary (``glossary.terms_for``)."""
    if not strip_tags(target or "").strip():
        return [_blocking("empty", "The translation is empty.")]
    issues = glossary.check(source, target, terms)
    if problem := bidi.summary(target):
        issues.append(_blocking("bidi", problem))
    # Digits of any script count as the same number (۲۴/۷ is 24/7).
    source, target = ascii_digits(source), ascii_digits(target)
    plain_source, plain_target = strip_tags(source), strip_tags(target)
    source_phones, source_rest = _phones(plain_source)
    target_phones, target_rest = _phones(plain_target)
    if source_phones != target_phones:
        issues.append(
            _blocking("phone", "Phone numbers differ from the source: copy them exactly.")
        )
    if sorted(EMAIL.findall(source)) != sorted(EMAIL.findall(target)):
        issues.append(_blocking("email", "E-mail addresses differ from the source."))
    urls = lambda text: sorted(URL.findall(strip_tags(text)) + HREF.findall(text))  # noqa: E731
    if urls(source) != urls(target):
        issues.append(_blocking("url", "Links or URLs differ from the source."))
    if Counter(NUMBER.findall(source_rest)) != Counter(NUMBER.findall(target_rest)):
        issues.append(_warning("number", "Numbers differ from the source."))
    source_tags, target_tags = Counter(TAG.findall(source)), Counter(TAG.findall(target))
    if source_tags["a"] != target_tags["a"]:
        issues.append(_blocking("links", "The translation must keep every link."))
    elif source_tags != target_tags:
        issues.append(_warning("tags", "Inline formatting differs from the source."))
    if max_length and len(plain_target) > max_length:
        issues.append(
            _blocking(
                "length",
                f"{len(plain_target)} characters; this field allows at most {max_length}.",
            )
        )
    if subtitle:
        issues += _subtitle_issues(plain_target, duration)
    return issues


def _blocking(code: str, message: str) -> Issue:
    return Issue(None, code, message, BLOCKING)


def _warning(code: str, message: str) -> Issue:
    return Issue(None, code, message, WARNING)


def _subtitle_issues(text, duration):
    issues = []
    per_line = limits.MAX_LINE_LENGTH
    longest = max((len(line) for line in text.splitlines()), default=0)
    if longest > per_line:
        issues.append(
            _warning("line_length", f"A line has {longest} characters (at most {per_line}).")
        )
    per_second = limits.MAX_CHARS_PER_SECOND
    if duration:
        speed = len(text.replace("\n", "")) / duration
        if speed > per_second:
            issues.append(
                _warning(
                    "reading_speed",
                    f"Reading speed {speed:.0f} characters/second (at most {per_second}).",
                )
            )
    return issues


def _max_length(model, path, instance=None):
    """The length limit of the field or StreamField block (CharBlock/TextBlock ``max_length``)
    at wagtail-localize's context ``path``: "title", or "body.<block id>.<child name>…"."""
    field_name, *rest = path.split(".")
    try:
        field = model._meta.get_field(field_name)
    except Exception:
        return None
    if not rest:
        return getattr(field, "max_length", None)
    if instance is None or not isinstance(field, StreamField):
        return None
    block, value = field.stream_block, getattr(instance, field_name, None)
    for part in rest:
        block, value = _child_block(block, value, part)
        if block is None:
            return None
    form_field = getattr(block, "field", None)
    return getattr(form_field, "max_length", None)


def _child_block(block, value, part):
    """(child block, its value) for one context path component: a stream or list item id, or a
    struct child name."""
    if isinstance(block, blocks.StreamBlock):
        for child in value or []:
            if child.id == part:
                return child.block, child.value
    elif isinstance(block, blocks.ListBlock):
        for child in getattr(value, "bound_blocks", []):
            if child.id == part:
                return block.child_block, child.value
    elif isinstance(block, blocks.StructBlock) and part in block.child_blocks:
        return block.child_blocks[part], (value or {}).get(part)
    return None, None


def _cue_seconds(instance) -> dict[str, float]:
    """{cue block id: seconds on screen} of a video page, for the reading-speed check."""
    cues = getattr(instance, "cues", None)
    seconds = {}
    for item in getattr(cues, "raw_data", None) or []:
        value = item.get("value") or {}
        if "start_ms" in value and "end_ms" in value:
            seconds[item["id"]] = max(value["end_ms"] - value["start_ms"], 1) / 1000
    return seconds


def _is_subtitle(path):
    return any(marker in path for marker in _config("SUBTITLE_PATH_MARKERS", ["cues"]))


def check_task(task) -> dict[str, list[Issue]]:
    """{context path: issues} for the task's translated segments (untranslated ones: 'empty')."""
    model = task.content_type.model_class()
    try:  # the source as submitted, for StreamField block ids in context paths
        instance = task.source.as_instance()
    except Exception:
        instance = None
    translations = {
        (string_id, context_id): data
        for string_id, context_id, data in StringTranslation.objects.filter(
            context__object_id=task.source.object_id, locale_id=task.target_locale_id
        ).values_list("translation_of_id", "context_id", "data")
    }
    report = {}
    durations = _cue_seconds(instance)
    terms = glossary.terms_for(task.target_locale_id)
    segments = StringSegment.objects.filter(source_id=task.source_id).select_related(
        "string", "context"
    )
    for segment in segments.order_by("order"):
        path = segment.context.path
        target = translations.get((segment.string_id, segment.context_id), "")
        issues = check_segment(
            segment.string.data,
            target,
            max_length=_max_length(model, path, instance) if model else None,
            subtitle=_is_subtitle(path),
            duration=durations.get(path.split(".")[1]) if "." in path else None,
            terms=terms,
        )
        if issues:
            report[path] = issues
    report.update(check_overrides(task))
    return report


def blocking(report) -> list[str]:
    return [
        f"{path}: {issue.message}"
        for path, issues in report.items()
        for issue in issues
        if issue.level == BLOCKING
    ]


def _override_text(data_json) -> str:
    try:
        value = json.loads(data_json)
    except (TypeError, ValueError):
        return str(data_json)
    return "" if value is None else str(value)


def check_overrides(task) -> dict[str, list[Issue]]:
    """Overridden values (a translation's own phone number, link, image …) get the segments'
    checks: a phone number, e-mail or URL that differs from the source blocks approval."""
    report = {}
    for row in selectors.overrides(task):
        source, value = _override_text(row["source"]), _override_text(row["value"])
        issues = [
            issue
            for issue in check_segment(source, value)
            if issue.code in ("phone", "email", "url", "links", "bidi")
        ]
        if issues:
            report[f"{row['path']} (override)"] = issues
    return report
