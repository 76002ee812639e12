"""WebVTT cue settings (the text after the end time): valid ones are kept, others dropped."""

import re

_PERCENT = r"(?:\d+(?:\.\d+)?|\.\d+)%"
_RULES: dict[str, tuple[re.Pattern[str], str]] = {
    "vertical": (re.compile(r"rl|lr"), "vertical takes rl or lr"),
    "line": (
        re.compile(rf"(?:{_PERCENT}|-?\d+)(?:,(?:start|center|end))?"),
        "line takes a line number or a percentage, optionally followed by ,start ,center or ,end",
    ),
    "position": (
        re.compile(rf"{_PERCENT}(?:,(?:line-left|center|line-right))?"),
        "position takes a percentage, optionally followed by ,line-left ,center or ,line-right",
    ),
    "size": (re.compile(_PERCENT), "size takes a percentage"),
    "align": (
        re.compile(r"start|center|end|left|right"),
        "align takes start, center, end, left or right",
    ),
    "region": (re.compile(r"(?:(?!-->)\S)+"), "region takes a region name"),
}
_UNKNOWN = "WebVTT cue settings are vertical, line, position, size, align and region"


def clean_settings(text: str) -> tuple[str, list[str]]:
    """The valid settings in their order, and a sentence for each one dropped."""
    if not text:
        return "", []
    kept: dict[str, str] = {}
    problems = []
    for setting in text.split():
        name, _, value = setting.partition(":")
        rule = _RULES.get(name)
        if rule is None or not value:
            problems.append(f"cue setting '{setting}' was dropped: {_UNKNOWN}")
        elif not rule[0].fullmatch(value) or not _percentages_in_range(value):
            problems.append(f"cue setting '{setting}' was dropped: {rule[1]}")
        else:
            if name in kept:
                # Browsers apply settings in order, so the last one is the one that counts.
                problems.append(f"cue setting '{name}' is given twice; the last one is kept")
                del kept[name]
            kept[name] = setting
    return " ".join(kept.values()), problems


def _percentages_in_range(value: str) -> bool:
    number = value.partition(",")[0]
    return not number.endswith("%") or float(number[:-1]) <= 100
