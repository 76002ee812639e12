"""QA checks on single segments (no database needed), and length limits read from the model."""

import pytest

from cms.translation.qa import BLOCKING, WARNING, check_segment, check_task
from tests.factories import AwarenessPageFactory
from tests.support.translation import fill


def codes(issues, level=None):
    return {issue.code for issue in issues if level is None or issue.level == level}


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


@pytest.mark.parametrize(
    "source, target",
    [
        ("In an emergency call 112.", "En cas d'urgence, appelez le 113."),
        ("Missing children: 116 000", "Enfants disparus : 116 001"),
        ("Victims' helpline 116 006", "Ligne d'aide aux victimes 116 060"),
        ("Child helpline 116 111", "Ligne d'écoute 116 11"),
        ("Call 15900 (free)", "Appelez le 1590 (gratuit)"),
        ("Call 112 or 116 006", "Appelez le 112"),
    ],
)
def test_short_helpline_numbers_are_blocking_phone_errors(source, target):
    issues = check_segment(source, target)
    assert codes(issues, BLOCKING) == {"phone"}
    assert "number" not in codes(issues)


@pytest.mark.parametrize(
    "source, target",
    [
        ("Call 112 or 116 006", "Appelez le 112 ou le 116 006"),
        ("Child helpline 116 111", "Ligne d'écoute 116111"),
        ("Call 15900.", "Appelez le 15900."),
    ],
)
def test_short_helpline_numbers_copied_exactly_pass(source, target):
    assert not codes(check_segment(source, target))


@pytest.mark.parametrize(
    "source, target",
    [
        ("Active in 12 countries", "Actif dans 13 pays"),
        ("Since 2024", "Depuis 2023"),
        ("Report 2020-2024", "Rapport 2020-2023"),
        ("Over 1,000 people", "Plus de 1 500 personnes"),
    ],
)
def test_plain_numbers_and_years_stay_warnings(source, target):
    assert codes(check_segment(source, target)) == {"number"}
    assert not codes(check_segment(source, target), BLOCKING)


@pytest.fixture
def page(home_page):
    # Overrides the area fixture: a heading block whose CharBlock allows 120 characters.
    return AwarenessPageFactory(
        parent=home_page,
        title="Know your rights",
        body=[
            ("heading", {"text": "Your rights", "level": "h2"}),
            ("quote", {"quote": "Help is free.", "attribution": "IOM"}),
        ],
    )


@pytest.mark.django_db
def test_streamfield_block_max_length_is_blocking(submitted, page):
    def long_heading(source):
        return "R" * 121 if source == "Your rights" else f"FR {source}"

    task = fill(submitted["fr"], text_for=long_heading)
    report = check_task(task)
    heading_id, quote_id = (block.id for block in page.body)
    assert [(i.code, i.level) for i in report[f"body.{heading_id}.text"]] == [("length", BLOCKING)]
    assert "at most 120" in report[f"body.{heading_id}.text"][0].message
    assert f"body.{quote_id}.quote" not in report
    assert "title" not in report
