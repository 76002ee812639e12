"""Hostile archives: a zip is judged by what it expands to (entries, uncompressed bytes), read
through a counter, and refused with a clear 400 before anything is stored or imported."""

import io
import zipfile

import pytest
from django.urls import reverse

from cms.translation.exchange import archive
from cms.translation.exchange.importer import import_upload
from cms.translation.exchange.xliff import ExchangeError
from cms.translation.models import QueueJob
from tests.support.translation import snapshot


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in members.items():
            out.writestr(name, data)
    return buffer.getvalue()


def test_a_zip_bomb_is_refused_on_its_uncompressed_size(users, monkeypatch):
    monkeypatch.setattr(archive, "MAX_UNCOMPRESSED_BYTES", 2 * 1024 * 1024)
    bomb = _zip({"fr/a.xlf": b"<" * (3 * 1024 * 1024)})
    assert len(bomb) < 20 * 1024  # small on the wire
    with pytest.raises(ExchangeError, match="uncompressed; at most 2 MB"):
        import_upload("bomb.zip", bomb, users["translator"])


def test_too_many_entries_are_refused(users, monkeypatch):
    monkeypatch.setattr(archive, "MAX_ENTRIES", 10)
    many = _zip({f"fr/{n}.xlf": b"x" for n in range(11)})
    with pytest.raises(ExchangeError, match="11 entries; at most 10"):
        import_upload("many.zip", many, users["translator"])


def test_a_zip_that_lies_about_its_sizes_stops_at_the_cap(users, monkeypatch):
    """Sizes in the zip directory are claims: reading is counted whatever they say."""
    monkeypatch.setattr(archive, "MAX_UNCOMPRESSED_BYTES", 1024 * 1024)
    data = bytearray(_zip({"fr/a.xlf": b"<" * (2 * 1024 * 1024)}))
    # Make both headers claim 100 bytes (local header offset 22, central directory offset 24).
    real = (2 * 1024 * 1024).to_bytes(4, "little")
    for at in [i for i in range(len(data) - 4) if data[i : i + 4] == real]:
        data[at : at + 4] = (100).to_bytes(4, "little")
    with pytest.raises(ExchangeError, match="a.xlf"):
        import_upload("liar.zip", bytes(data), users["translator"])


def test_the_cap_is_on_the_whole_archive_not_each_member(monkeypatch):
    monkeypatch.setattr(archive, "MAX_UNCOMPRESSED_BYTES", 100)
    data = _zip({"fr/a.xlf": b"a" * 60, "fr/b.xlf": b"b" * 60})
    with pytest.raises(ExchangeError, match="uncompressed"):
        archive.read_members("two.zip", data)
    assert [name for name, _ in archive.read_members("one.zip", _zip({"a.xlf": b"a" * 60}))] == [
        "a.xlf"
    ]


def test_the_import_form_answers_400_and_stores_nothing(client, users, monkeypatch):
    monkeypatch.setattr(archive, "MAX_UNCOMPRESSED_BYTES", 1024 * 1024)
    bomb = _zip({"fr/a.xlf": b"<" * (2 * 1024 * 1024)})
    client.force_login(users["translator"])
    before = snapshot()
    upload = io.BytesIO(bomb)
    upload.name = "bomb.zip"
    response = client.post(reverse("translation_queue:import"), {"file": upload})
    assert response.status_code == 400
    assert "uncompressed" in response.content.decode()
    assert not QueueJob.objects.exists()
    assert snapshot() == before
