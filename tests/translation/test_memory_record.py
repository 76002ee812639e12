"""Issue 14.1: approved and published segment translations are kept in the memory, on the
worker, with their origin, date and translator."""

from wagtail.models import WorkflowPage
from wagtail_localize.models import StringSegment

from cms.translation.memory import text
from cms.translation.memory.models import MemoryEntry
from cms.translation.memory.record import Pair, record_pairs
from cms.translation.models import TaskState
from cms.translation.services import publishing, review
from tests.support.translation import fill


def test_approval_records_every_translated_segment(
    submitted, users, django_capture_on_commit_callbacks
):
    task = fill(submitted["fr"], user=users["translator"])
    review.request_review(task, users["translator"])
    assert not MemoryEntry.objects.exists()  # needs review is not approved work
    with django_capture_on_commit_callbacks(execute=True):
        review.approve(task, users["reviewer"])
    entries = MemoryEntry.objects.filter(target_locale=task.target_locale)
    sources = set(
        StringSegment.objects.filter(source_id=task.source_id).values_list(
            "string__data", flat=True
        )
    )
    assert set(entries.values_list("source_text", flat=True)) == sources
    assert entries.count() == len(sources) > 4  # one entry per distinct text
    title = entries.get(source_text="Know your rights")
    assert title.target_text == "FR Know your rights"
    assert title.user == users["reviewer"]
    assert title.origin_label == "Know your rights"
    assert title.origin_path == "title"
    assert title.origin_type_id == task.content_type_id
    assert title.source_hash == text.digest("Know your rights")
    assert title.bands.count() == text.BANDS


def test_publishing_again_updates_rather_than_duplicates(
    submitted, users, django_capture_on_commit_callbacks
):
    WorkflowPage.objects.all().delete()
    task = fill(submitted["fr"], user=users["translator"])
    review.request_review(task, users["translator"])
    with django_capture_on_commit_callbacks(execute=True):
        review.approve(task, users["reviewer"])
    first = MemoryEntry.objects.count()
    stamp = MemoryEntry.objects.get(source_text="Know your rights").updated_at
    with django_capture_on_commit_callbacks(execute=True):
        publishing.publish_translation(task, users["reviewer"])
    task.refresh_from_db()
    assert task.state == TaskState.PUBLISHED
    assert MemoryEntry.objects.count() == first
    assert MemoryEntry.objects.get(source_text="Know your rights").updated_at > stamp


def test_a_new_translation_of_the_same_source_is_a_second_entry(locales):
    fr, en = locales["fr"], locales["en"]
    assert record_pairs([Pair("Call 112", "Appelez le 112")], en.pk, fr.pk) == 1
    assert record_pairs([Pair("Call  112 ", "Appelez le 112")], en.pk, fr.pk) == 0
    assert record_pairs([Pair("Call 112", "Composez le 112")], en.pk, fr.pk) == 1
    assert record_pairs([Pair("Call 112", "")], en.pk, fr.pk) == 0
    assert set(MemoryEntry.objects.values_list("target_text", flat=True)) == {
        "Appelez le 112",
        "Composez le 112",
    }
