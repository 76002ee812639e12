"""verify_material_files: catches files changed or lost in the storage."""

import pytest
from django.core.management import CommandError, call_command

from materials.inspection import inspect_document
from materials.models import MaterialFile
from tests.factories import MaterialFactory

pytestmark = pytest.mark.django_db


def test_verify_reports_changed_and_missing_files(locales, capsys):
    material = MaterialFactory(files=[("en", "screen"), ("ar", "screen")])
    call_command("verify_material_files", verbosity=0)
    assert "Checked 2 material files." in capsys.readouterr().out

    english, arabic = sorted(material.files.all(), key=lambda f: f.language != "en")
    storage = english.document.file.storage
    storage.delete(arabic.document.file.name)
    with storage.open(english.document.file.name, "wb") as handle:
        handle.write(b"%PDF-1.4\n")  # replaced by a broken file
    with pytest.raises(CommandError, match="2 material file"):
        call_command("verify_material_files", verbosity=0)
    errors = capsys.readouterr().err
    assert "missing from the storage" in errors
    assert f"file {english.pk}" in errors


def test_fix_records_the_facts_found(locales, capsys):
    material_file = MaterialFactory().files.get()
    MaterialFile.objects.filter(pk=material_file.pk).update(size_bytes=1, sha256="0" * 64)
    call_command("verify_material_files", "--fix", verbosity=0)
    material_file.refresh_from_db()
    assert material_file.sha256 == inspect_document(material_file.document).sha256
