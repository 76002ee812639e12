"""Issue 14.3: TMX 1.4 of the memory and CSV of the glossary, round-trip exact, bad files
refused with a 400 saying what and where, nothing imported."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from cms.translation.memory import glossary_csv, tmx
from cms.translation.memory.models import GlossaryTerm, MemoryEntry, TermStatus
from tests.factories import GlossaryTermFactory, MemoryEntryFactory

FIELDS = [
    "source_locale_id",
    "target_locale_id",
    "source_text",
    "target_text",
    "source_hash",
    "target_hash",
    "origin_type_id",
    "origin_id",
    "origin_label",
    "origin_path",
    "user_id",
    "created_at",
    "updated_at",
]


@pytest.fixture
def memory(locales, users):
    stamp = timezone.now().replace(microsecond=0)
    MemoryEntryFactory(
        source_text='Call <a id="a1">116 006</a> & ask for help',
        target_text='Appelez le <a id="a1">116 006</a> & demandez de l’aide',
        target_locale=locales["fr"],
        user=users["reviewer"],
        origin_id="4c1d",
        origin_path="body.x.text",
        created_at=stamp,
        updated_at=stamp,
    )
    MemoryEntryFactory(
        source_text="Help is available.",
        target_text="المساعدة متاحة.",
        target_locale=locales["ar"],
        created_at=stamp,
        updated_at=stamp,
    )


def snapshot():
    return sorted(MemoryEntry.objects.values_list(*FIELDS))


def test_tmx_round_trip_is_exact(memory):
    before = snapshot()
    data = tmx.export(MemoryEntry.objects.all())
    assert b'<tmx version="1.4">' in data and b'xml:lang="ar"' in data
    MemoryEntry.objects.all().delete()
    assert tmx.import_units(tmx.read(data)) == (2, 0)
    assert snapshot() == before
    assert tmx.import_units(tmx.read(data)) == (0, 2)  # already there


def test_command_exports_and_imports(memory, tmp_path):
    path = tmp_path / "memory.tmx"
    call_command("translation_memory", "export", str(path), verbosity=0)
    before = snapshot()
    MemoryEntry.objects.all().delete()
    call_command("translation_memory", "import", str(path), verbosity=0)
    assert snapshot() == before
    path.write_text("<tmx version='1.4'><body><tu>")
    with pytest.raises(CommandError, match="line 1"):
        call_command("translation_memory", "import", str(path), verbosity=0)


BAD = [
    (b"", "empty"),
    (b"<tmx version='1.4'><body><tu>", "line 1, column"),
    (b"<tmx version='1.3'><body/></tmx>", "not a TMX 1.4"),
    (
        b'<!DOCTYPE x [<!ENTITY e "boom">]><tmx version="1.4"><body>&e;</body></tmx>',
        "refused",
    ),
    (
        b"<tmx version='1.4'><header srclang='en'/><body>"
        b"<tu><tuv xml:lang='en'><seg>a</seg></tuv><tuv xml:lang='fr'><seg>b</seg></tuv></tu>"
        b"<tu><tuv xml:lang='en'><seg>c</seg></tuv><tuv xml:lang='xx'><seg>d</seg></tuv></tu>"
        b"</body></tmx>",
        "translation unit 2: “xx” is not a language",
    ),
]


@pytest.mark.parametrize("data, message", BAD)
def test_bad_tmx_is_refused_and_imports_nothing(client, users, memory, data, message):
    before = snapshot()
    client.force_login(users["coordinator"])
    upload = {"file": _file("bad.tmx", data)}
    response = client.post(reverse("translation_memory:tmx_import"), upload)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert snapshot() == before


def test_reviewer_may_import_only_their_locales(client, users, memory):
    data = tmx.export(MemoryEntry.objects.all())
    MemoryEntry.objects.all().delete()
    client.force_login(users["reviewer"])  # reviews French only; the file also holds Arabic
    response = client.post(reverse("translation_memory:tmx_import"), {"file": _file("m.tmx", data)})
    assert response.status_code == 400 and "may not add “ar”" in response.content.decode()
    assert not MemoryEntry.objects.exists()
    client.force_login(users["translator"])
    response = client.post(reverse("translation_memory:tmx_import"), {"file": _file("m.tmx", data)})
    assert response.status_code in (302, 403)  # Wagtail sends a refused admin user home
    assert not MemoryEntry.objects.exists()


def test_translator_exports_only_their_locales(client, users, memory):
    client.force_login(users["translator"])
    data = client.get(reverse("translation_memory:tmx_export")).content
    units = tmx.read(data)
    assert {u.target_lang for u in units} == {"fr"}


def test_glossary_csv_round_trip_and_bad_line(client, users, locales):
    GlossaryTermFactory(locale=locales["fr"], term="PROTECT", status=TermStatus.DO_NOT_TRANSLATE)
    GlossaryTermFactory(
        locale=locales["fr"], term="victim", translation="victime, personne", notes='say "victime"'
    )
    fields = ["locale_id", "term", "translation", "status", "part_of_speech", "notes"]
    before = sorted(GlossaryTerm.objects.values_list(*fields))
    client.force_login(users["reviewer"])
    data = client.get(reverse("translation_memory:glossary_export")).content
    GlossaryTerm.objects.all().delete()
    response = client.post(
        reverse("translation_memory:glossary_import"), {"file": _file("g.csv", data)}
    )
    assert response.status_code == 302
    assert sorted(GlossaryTerm.objects.values_list(*fields)) == before
    bad = data + b"fr,IOM,,sometimes,,\n"
    response = client.post(
        reverse("translation_memory:glossary_import"), {"file": _file("g.csv", bad)}
    )
    assert response.status_code == 400 and "g.csv, line 4: status" in response.content.decode()
    assert not GlossaryTerm.objects.filter(term="IOM").exists()
    es = b"locale,term,status\nes,IOM,do_not_translate\n"
    with pytest.raises(Exception, match="line 2: you may not"):
        glossary_csv.read(es, "g.csv", {locales["fr"].pk})


def _file(name, data):
    return SimpleUploadedFile(name, data)
