"""Issue 14.2: glossary QA — forbidden and do-not-translate violations block, a missing
approved translation warns — on every segment and before approval."""

import pytest

from cms.issues import BLOCKING, WARNING
from cms.translation import qa
from cms.translation.memory import glossary
from cms.translation.memory.models import TermStatus
from cms.translation.services import review
from cms.translation.services.review import QueueError
from tests.factories import GlossaryTermFactory
from tests.support.translation import fill


@pytest.fixture
def terms(locales):
    fr = locales["fr"]
    GlossaryTermFactory(locale=fr, term="PROTECT", status=TermStatus.DO_NOT_TRANSLATE)
    GlossaryTermFactory(locale=fr, term="116 006", status=TermStatus.DO_NOT_TRANSLATE)
    GlossaryTermFactory(locale=fr, term="victim", translation="victime")
    GlossaryTermFactory(
        locale=fr,
        term="survivor",
        translation="malheureuse",
        status=TermStatus.FORBIDDEN,
        notes="stigmatising",
    )
    GlossaryTermFactory(locale=locales["es"], term="rights", status=TermStatus.DO_NOT_TRANSLATE)
    return glossary.terms_for(fr.pk)


def codes(issues, level=None):
    return {i.code for i in issues if level is None or i.level == level}


@pytest.mark.parametrize(
    "source, target, blocking, warning",
    [
        ("The PROTECT project", "Le projet PROTECT", set(), set()),
        ("The PROTECT project", "Le projet Protéger", {"glossary_keep"}, set()),
        ("The PROTECT project", "Le projet Protect", {"glossary_keep"}, set()),
        ("Call 116 006", "Appelez le 116 006", set(), set()),
        ("Help for every victim", "Aide pour chaque victime", set(), set()),
        ("Help for every victim", "Aide pour chaque personne", set(), {"glossary_term"}),
        ("Help for survivors", "Aide pour une malheureuse", {"glossary_forbidden"}, set()),
        ("Help for survivors", "Aide pour les malheureuses", set(), set()),  # whole words only
    ],
)
def test_segment_rules(terms, source, target, blocking, warning):
    issues = qa.check_segment(source, target, terms=terms)
    assert codes(issues, BLOCKING) == blocking
    assert codes(issues, WARNING) == warning


def test_highlight_marks_terms_with_their_translation(terms):
    html = glossary.highlight("Every victim can call <b>116 006</b> & PROTECT.", terms)
    assert 'title="→ victime"' in html and ">victim</mark>" in html
    assert ">116 006</mark>" in html and "do not translate" in html
    assert "&amp;" in html and "<b>" not in html
    assert "malheureuse" not in html  # forbidden renderings are not offered


def test_forbidden_term_blocks_approval(submitted, users, terms):
    task = fill(submitted["fr"], text_for=lambda s: f"FR {s} malheureuse", user=users["translator"])
    review.request_review(task, users["translator"])
    with pytest.raises(QueueError) as refused:
        review.approve(task, users["reviewer"])
    assert "must not be used" in str(refused.value)
    assert any(i.code == "glossary_forbidden" for v in qa.check_task(task).values() for i in v)


def test_editor_save_reports_glossary_qa(client, submitted, users, terms):
    task = submitted["fr"]
    segment = task.source.stringsegment_set.get(context__path="title")
    url = f"/admin/localize/translate/{task.translation_id}/strings/{segment.pk}/edit/"
    client.force_login(users["translator"])
    response = client.put(url, "value=Une malheureuse", "application/x-www-form-urlencoded")
    assert response.status_code == 201
    assert response.json()["error"].startswith("BLOCKING: “malheureuse” must not be used")
    clean = client.put(url, "value=Connaissez vos droits", "application/x-www-form-urlencoded")
    assert not clean.json()["error"]
