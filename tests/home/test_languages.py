import json

import pytest
from django.conf import settings
from django.utils.translation import get_language_info
from wagtail.models import Locale

from cms import languages

EXPECTED = "en nl fr bg hr el hu it mt pl sl es ar fa prs ps ur ckb kmr ti so tr ru".split()
RTL = {"ar", "fa", "prs", "ps", "ur", "ckb"}


def test_table_lists_the_23_languages_in_order():
    assert languages.codes() == EXPECTED
    assert languages.default().code == "en"


def test_directions_come_from_the_table():
    assert set(languages.rtl_codes()) == RTL
    assert settings.LANGUAGES_BIDI == languages.rtl_codes()
    for lang in languages.all_languages():
        assert lang.dir == ("rtl" if lang.code in RTL else "ltr")


@pytest.mark.parametrize("code", ["prs", "ps", "ti", "so", "kmr", "mt"])
def test_codes_django_lacks_are_known_to_django(code):
    info = get_language_info(code)
    assert info["name_local"] == languages.get(code).native_name
    assert info["bidi"] is (code in RTL)


def test_settings_read_the_table():
    assert [code for code, _ in settings.LANGUAGES] == EXPECTED
    assert settings.WAGTAIL_CONTENT_LANGUAGES == settings.LANGUAGES
    assert settings.LANGUAGE_CODE == "en"


def test_all_23_locales_exist_after_migrate(db):
    assert sorted(Locale.objects.values_list("language_code", flat=True)) == sorted(EXPECTED)


def test_table_rejects_duplicate_codes(tmp_path, monkeypatch):
    data = json.loads(languages.DATA_FILE.read_text(encoding="utf-8"))
    data["languages"].append(dict(data["languages"][1]))
    broken = tmp_path / "languages.json"
    broken.write_text(json.dumps(data), encoding="utf-8")
    monkeypatch.setattr(languages, "DATA_FILE", broken)
    languages.all_languages.cache_clear()
    try:
        with pytest.raises(ValueError, match="duplicate"):
            languages.all_languages()
    finally:
        monkeypatch.undo()
        languages.all_languages.cache_clear()
