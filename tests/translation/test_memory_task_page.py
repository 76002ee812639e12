"""Issue 14.1/14.2 on the task page: matches with score and origin beside each segment, glossary
terms highlighted, exact matches applied in bulk landing as "needs review"."""

import pytest
from django.urls import reverse
from wagtail_localize.models import StringTranslation

from cms.translation.memory.apply import TOOL_NAME, exact_candidates
from cms.translation.memory.models import TermStatus
from cms.translation.models import TaskState
from tests.factories import GlossaryTermFactory, MemoryEntryFactory


@pytest.fixture
def remembered(submitted, locales, users):
    """The memory knows the French title exactly and a near variant of one block."""
    fr = locales["fr"]
    MemoryEntryFactory(
        source_text="Know your rights",
        target_text="Connaissez vos droits",
        target_locale=fr,
        origin_label="Leaflet Greece",
        user=users["reviewer"],
    )
    GlossaryTermFactory(locale=fr, term="rights", translation="droits")
    GlossaryTermFactory(locale=fr, term="Emergency", status=TermStatus.DO_NOT_TRANSLATE)
    return submitted["fr"]


def test_task_page_offers_matches_and_highlights_terms(client, remembered, users):
    client.force_login(users["translator"])
    response = client.get(reverse("translation_queue:task", args=[remembered.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "<strong>100%</strong> Connaissez vos droits" in html
    assert "Leaflet Greece" in html and "reviewer" in html
    assert 'title="→ droits"' in html and ">rights</mark>" in html
    expected = len(exact_candidates(remembered)[0])
    assert expected >= 1 and f"Apply {expected} exact memory match" in html


def test_apply_fills_untranslated_segments_for_review(client, remembered, users):
    client.force_login(users["translator"])
    expected = len(exact_candidates(remembered)[0])
    response = client.post(reverse("translation_memory:apply", args=[remembered.pk]))
    assert response.status_code == 302
    title = StringTranslation.objects.filter(
        locale=remembered.target_locale, translation_of__data="Know your rights"
    ).first()
    assert title.data == "Connaissez vos droits" and title.tool_name == TOOL_NAME
    remembered.refresh_from_db()
    assert remembered.state == TaskState.IN_PROGRESS  # other segments still untranslated
    assert remembered.segments_remaining == remembered.segments_total - expected
    target = remembered.translation.get_target_instance()
    assert not target.live or target.title != "Connaissez vos droits"  # nothing published


def test_applying_a_complete_task_sends_it_to_review(client, remembered, users, locales):
    sources = remembered.source.stringsegment_set.values_list("string__data", flat=True)
    for source in set(sources):
        MemoryEntryFactory(
            source_text=source, target_text=f"MEM {source}", target_locale=locales["fr"]
        )
    client.force_login(users["translator"])
    client.post(reverse("translation_memory:apply", args=[remembered.pk]))
    remembered.refresh_from_db()
    assert remembered.segments_remaining == 0
    assert remembered.state == TaskState.NEEDS_REVIEW


def test_outsider_cannot_apply(client, remembered, users):
    client.force_login(users["outsider"])
    response = client.post(reverse("translation_memory:apply", args=[remembered.pk]))
    assert response.status_code != 200  # refused (not found in their queue)
    assert not StringTranslation.objects.filter(tool_name=TOOL_NAME).exists()
