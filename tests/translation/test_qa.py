"""QA checks on single segments (no database needed)."""

import pytest

from cms.translation.qa import BLOCKING, WARNING, check_segment


def codes(issues, level=None):
    return {issue.check for issue in issues if level is None or issue.level == level}


@pytest.mark.parametrize(
    "source, target, expected",
    [
        ("Call +31 20 123 4567", "Bel +31 20 123 4567", set()),
        ("Call +31 20 123 4567", "Bel +31 20 123 4568", {"phone"}),
        ("Write to help@iom.int", "Écrivez à aide@iom.int", {"email"}),
        ("See https://iom.int/help", "Voir https://iom.int/aide", {"url"}),
        ('<a id="a1">here</a>', "ici", {"links"}),
        ("<b>Now</b>", "Maintenant", {"tags"}),
        ("Open 7 days", "Ouvert 6 jours", {"number"}),
        ("Hello", "   ", {"empty"}),
    ],
)
def test_checks(source, target, expected):
    assert codes(check_segment(source, target)) == expected


def test_levels():
    issues = check_segment(
        "Call 0800 123 456 within 24 hours, <b>now</b>", "Appelez 0800 123 457 en 25 heures, now"
    )
    assert "phone" in codes(issues, BLOCKING)
    assert {"tags", "number"} <= codes(issues, WARNING)


def test_length_limit_is_blocking():
    issues = check_segment("Short", "x" * 41, max_length=40)
    assert codes(issues, BLOCKING) == {"length"}
    assert "at most 40" in issues[0].message


def test_subtitle_line_length_and_reading_speed():
    long_line = "A" * 50
    issues = check_segment("Hi", long_line, subtitle=True, duration=2)
    assert {"line_length", "reading_speed"} <= codes(issues, WARNING)
    assert not codes(check_segment("Hi", "Salut", subtitle=True, duration=2))
