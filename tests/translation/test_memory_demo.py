"""Issue 14.6: the demo fills the memory from its translations and loads a starter glossary."""

from cms.translation.memory import demo
from cms.translation.memory.models import GlossaryTerm, MemoryEntry, TermStatus
from tests.support.translation import localize


def test_demo_glossary_keeps_helplines_and_labels_forbidden_terms(home_page, locales):
    assert demo.build(home_page, None) == []
    assert demo.build(home_page, None) == []  # safe to run again
    others = len(locales) - 1
    keep = GlossaryTerm.objects.filter(status=TermStatus.DO_NOT_TRANSLATE)
    assert keep.count() == len(demo.KEEP) * others
    assert set(keep.values_list("term", flat=True)) >= {"PROTECT", "IOM", "112", "116 006"}
    forbidden = GlossaryTerm.objects.filter(status=TermStatus.FORBIDDEN)
    assert set(forbidden.values_list("locale__language_code", flat=True)) == set(demo.FORBIDDEN)
    assert all(t.is_demo and "Demo example" in t.notes for t in forbidden)


def test_demo_translations_fill_the_memory(home_page, locales, django_capture_on_commit_callbacks):
    localize(home_page, ["fr", "ar"], django_capture_on_commit_callbacks)
    codes = set(MemoryEntry.objects.values_list("target_locale__language_code", flat=True))
    assert codes == {"fr", "ar"}
    assert MemoryEntry.objects.filter(source_text=home_page.title).exists()
    MemoryEntry.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        demo.build(home_page, None)  # a database loaded before the memory existed
    assert set(MemoryEntry.objects.values_list("target_locale__language_code", flat=True)) == codes
