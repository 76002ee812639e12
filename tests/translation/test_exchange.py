"""XLIFF 2 / PO exchange: export → import round-trips unchanged; edits import with a per-unit
report; unusable files are refused with a clear message and import nothing. Export and import
run as queue jobs: the request checks and enqueues, the worker re-checks the user's locales."""

import io
import zipfile

import pytest
from wagtail_localize.models import StringTranslation

from cms.translation.exchange import export_zip
from cms.translation.exchange.importer import import_upload
from cms.translation.exchange.xliff import ExchangeError
from cms.translation.models import TaskState
from tests.support.translation import edit_xliff, fill, snapshot


def test_zip_holds_xliff_and_po_with_notes(exported):
    task, data = exported
    archive = zipfile.ZipFile(io.BytesIO(data))
    names = archive.namelist()
    assert names == [f"fr/know-your-rights-{task.pk}.xlf", f"fr/know-your-rights-{task.pk}.po"]
    xliff = archive.read(names[0]).decode()
    assert 'srcLang="en"' in xliff and 'trgLang="fr"' in xliff
    assert '<unit id="intro">' in xliff
    assert '<note category="max-length">400</note>' in xliff
    assert "One or two sentences shown in listings." in xliff  # the field's help text
    po = archive.read(names[1]).decode()
    assert 'msgctxt "intro"' in po and "#, fuzzy" in po


def test_round_trip_changes_nothing(exported, users):
    task, data = exported
    before = snapshot()
    reports = import_upload("export.zip", data, users["translator"])
    assert snapshot() == before
    assert {outcome for _, outcome in reports[0].units} == {"unchanged"}


def test_import_updates_units_and_non_final_needs_review(exported, users):
    task, data = exported
    name, xliff = edit_xliff(
        data, "<target>FR Know your rights</target>", "<target>Vos droits</target>"
    )
    report = import_upload(name.split("/")[-1], xliff, users["translator"])[0]
    assert ("title", "updated") in report.units
    assert StringTranslation.objects.filter(data="Vos droits").exists()
    task.refresh_from_db()
    assert task.state == TaskState.NEEDS_REVIEW


def test_fuzzy_po_imports_as_needs_review(exported, users):
    task, data = exported
    archive = zipfile.ZipFile(io.BytesIO(data))
    name = [n for n in archive.namelist() if n.endswith(".po")][0]
    po = archive.read(name).decode().replace('msgstr "FR Know your rights"', 'msgstr "Droits"')
    report = import_upload("fr.po", po.encode(), users["translator"])[0]
    assert ("title", "updated") in report.units
    task.refresh_from_db()
    assert task.state == TaskState.NEEDS_REVIEW


UNUSABLE = [
    ("empty.xlf", b"", "the file is empty"),
    ("binary.po", b"\x00\x01\x02msgid", "binary data"),
    ("broken.xlf", b"<xliff version='2.0'", "not well-formed XML"),
    ("other.xlf", b"<root/>", "not an XLIFF 2.0 document"),
    ("notes.txt", b"hello", "unknown file type"),
    ("bad.po", b'msgid "x"\nmsgstr "y"\n', "no X-WagtailLocalize-TranslationID header"),
    ("path.po", b"/etc/passwd", "not a valid PO file"),
]


def test_unusable_files_are_refused(exported, users):
    before = snapshot()
    for name, content, message in UNUSABLE:
        with pytest.raises(ExchangeError, match=message):
            import_upload(name, content, users["translator"])
    assert snapshot() == before


def test_file_for_another_locale_imports_nothing(submitted, users):
    spanish = fill(submitted["es"])
    data = export_zip.build([spanish])
    before = snapshot()
    with pytest.raises(ExchangeError, match="no translation you may work on"):
        import_upload("es.zip", data, users["translator"])
    assert snapshot() == before


def test_one_bad_file_in_a_zip_imports_nothing(exported, users):
    task, data = exported
    name, xliff = edit_xliff(
        data, "<target>FR Know your rights</target>", "<target>Vos droits</target>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(name, xliff)
        archive.writestr("fr/broken.xlf", "<xliff")
    with pytest.raises(ExchangeError, match="broken.xlf"):
        import_upload("batch.zip", buffer.getvalue(), users["translator"])
    assert not StringTranslation.objects.filter(data="Vos droits").exists()
