"""The UI catalogs in locale/ are complete, well-formed and compiled for every content language.

Catalogs are refreshed with ``makemessages`` whenever templates change; these tests fail as soon
as a new msgid is left untranslated or fuzzy, or a .po was edited without ``compilemessages``.
"""

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import translation

from cms import languages

LOCALE_DIR = Path(settings.LOCALE_PATHS[0])
TRANSLATED = [code for code in languages.codes() if code != languages.default().code]
PLACEHOLDER = re.compile(r"%\(\w+\)[a-zA-Z]")
NPLURALS = re.compile(r"nplurals\s*=\s*(\d+)\s*;\s*plural\s*=\s*\S")


def catalog(code: str) -> polib.POFile:
    path = LOCALE_DIR / code / "LC_MESSAGES" / "django.po"
    assert path.is_file(), f"{path} is missing: run makemessages -l {code}"
    return polib.pofile(str(path))


def entries(po: polib.POFile) -> list[polib.POEntry]:
    return [entry for entry in po if entry.msgid and not entry.obsolete]


@pytest.mark.parametrize("code", languages.codes())
def test_django_finds_a_catalog_for_every_language(code):
    assert translation.check_for_language(code)


@pytest.mark.parametrize("code", TRANSLATED)
def test_catalog_is_complete(code):
    po = catalog(code)
    assert entries(po), f"{code}: catalog has no msgids"
    untranslated = [entry.msgid for entry in po.untranslated_entries()]
    fuzzy = [entry.msgid for entry in po.fuzzy_entries()]
    assert not untranslated, f"{code}: untranslated msgids {untranslated}"
    assert not fuzzy, f"{code}: fuzzy msgids {fuzzy}"
    assert po.percent_translated() == 100


@pytest.mark.parametrize("code", TRANSLATED)
def test_catalog_header_is_valid(code):
    po = catalog(code)
    assert po.metadata.get("Language") == code
    assert po.metadata.get("Content-Type") == "text/plain; charset=UTF-8"
    match = NPLURALS.match(po.metadata.get("Plural-Forms", ""))
    assert match, f"{code}: Plural-Forms missing or malformed: {po.metadata.get('Plural-Forms')!r}"
    nplurals = int(match.group(1))
    for entry in entries(po):
        if entry.msgid_plural:
            assert len(entry.msgstr_plural) == nplurals, f"{code}: {entry.msgid!r} plural forms"


@pytest.mark.parametrize("code", TRANSLATED)
def test_translations_keep_placeholders(code):
    for entry in entries(catalog(code)):
        wanted = set(PLACEHOLDER.findall(entry.msgid)) | set(
            PLACEHOLDER.findall(entry.msgid_plural or "")
        )
        for text in [entry.msgstr, *entry.msgstr_plural.values()]:
            if text:
                missing = wanted - set(PLACEHOLDER.findall(text))
                assert not missing, f"{code}: {entry.msgid!r} loses {sorted(missing)}"


@pytest.mark.parametrize("code", TRANSLATED)
def test_compiled_catalog_matches_po(code):
    """Each msgstr is what gettext returns, so the .mo is compiled, current and found."""
    with translation.override(code):
        assert translation.gettext("Skip to content") != "Skip to content"
        for entry in entries(catalog(code)):
            if entry.msgid_plural:
                continue  # the form returned depends on n; completeness is checked above
            if entry.msgctxt:
                got = translation.pgettext(entry.msgctxt, entry.msgid)
            else:
                got = translation.gettext(entry.msgid)
            assert got == entry.msgstr, f"{code}: {entry.msgid!r} is stale in django.mo"
